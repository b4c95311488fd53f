import { A } from "@solidjs/router";
import { jurisdictionLabels, roleLabels } from "@steward/domain";
import { For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import { registerHref } from "../contracts/register-query.ts";
import { MyContracts } from "./my-contracts.tsx";

/** The council's front page: as whom you are here, then your contracts and what needs you. */
export function Overview() {
  const { council, role, can } = useCouncil();
  const base = () => `/t/${council().slug}`;
  return (
    <>
      <PageHeading title={`Welcome to ${council().name}`} caption="Welcome to">
        {council().name}
      </PageHeading>
      <p class="lead">
        You are signed in to this council as <strong>{roleLabels[role()]}</strong>. Its contracts follow the
        law of {jurisdictionLabels[council().jurisdiction]}.
      </p>
      <MyContracts />
      <EndingSoon />
      <h2>What you can do here</h2>
      <ul class="link-list">
        <li>
          <A href={`${base()}/contracts`}>Open the contract register</A>
        </li>
        <li>
          <A href={`${base()}/board`}>Open the Contract Assurance Board</A>
        </li>
        <Show when={can("users:manage")}>
          <li>
            <A href={`${base()}/members`}>Manage members and invitations</A>
          </li>
        </Show>
        <Show when={can("audit:read")}>
          <li>
            <A href={`${base()}/audit`}>Read the audit log</A>
          </li>
        </Show>
      </ul>
    </>
  );
}

/** Contracts ending, or reaching the date by which notice must be given, in the next 30, 90 and 180 days. */
function EndingSoon() {
  const { council, format } = useCouncil();
  const soon = councilQuery((procedures) => procedures.contracts.endingSoon());
  const contractsWord = (count: number) => (count === 1 ? "contract" : "contracts");
  return (
    <section aria-labelledby="ending-soon-heading">
      <h2 id="ending-soon-heading">Ending or notice due soon</h2>
      <Query query={soon} loading="Counting the contracts ending soon…">
        {(result) => (
          <>
            <ul class="link-list">
              <For each={result().windows}>
                {(window) => (
                  <li>
                    <A href={registerHref(council().slug, { ending: window.days, sort: "endDate" })}>
                      {window.count} {contractsWord(window.count)} within {window.days} days
                    </A>
                  </li>
                )}
              </For>
            </ul>
            <Show
              when={result().nearest.length > 0}
              fallback={<p>No live contract ends or reaches its notice date in the next 180 days.</p>}
            >
              <h3>The nearest</h3>
              <ul class="link-list">
                <For each={result().nearest}>
                  {(contract) => (
                    <li>
                      <A href={`/t/${council().slug}/contracts/${contract.id}`}>
                        {contract.reference} {contract.title}
                      </A>{" "}
                      <span class="muted">
                        {contract.next?.kind === "notice" ? "notice due" : "ends"}{" "}
                        {contract.next ? format().date(contract.next.date) : ""}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Query>
    </section>
  );
}

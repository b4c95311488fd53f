import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { RagBadge } from "../../components/rag-badge.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TierBadge } from "../../components/tier-badge.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";

const kindLabels = {
  obligation: "Obligation",
  meeting: "Meeting",
  risk_review: "Risk review",
  plan_review: "Plan review",
  action: "Action",
} as const;

/**
 * The council home's "My contracts" (issue 8 §12): for a contract manager or SRO, the RAG to set for last month,
 * the actions overdue (theirs, or on their contracts), what falls due this week and the obligations overdue.
 * Members with no contracts of their own see nothing here.
 */
export function MyContracts() {
  const { council, format } = useCouncil();
  const home = councilQuery((procedures) => procedures.board.myContracts());
  const base = () => `/t/${council().slug}/contracts`;
  return (
    <Query query={home} loading="Loading your contracts…">
      {(found) => {
        const ragToSet = () =>
          found().contracts.filter(
            (contract) => contract.role === "manager" && contract.owesRag && contract.status === null,
          );
        return (
          <Show when={found().contracts.length > 0}>
            <section aria-labelledby="my-contracts-heading">
              <h2 id="my-contracts-heading">My contracts</h2>
              <h3>RAG to set for {format().month(found().dueMonth)}</h3>
              <Show
                when={ragToSet().length > 0}
                fallback={
                  <p class="empty">
                    Every contract you manage has a status for {format().month(found().dueMonth)}.
                  </p>
                }
              >
                <ul class="link-list">
                  <For each={ragToSet()}>
                    {(contract) => (
                      <li>
                        <A href={`${base()}/${contract.contractId}?tab=rag`}>
                          Set the RAG of {contract.reference}: {contract.title}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <h3>Overdue actions</h3>
              <Show
                when={found().overdueActions.length > 0}
                fallback={<p class="empty">No action is overdue.</p>}
              >
                <ul class="link-list">
                  <For each={found().overdueActions}>
                    {(action) => (
                      <li>
                        <A href={`${base()}/${action.contractId}`}>{action.reference}</A>:{" "}
                        {action.description} ({action.mine ? "yours" : action.ownerName}, due{" "}
                        {format().date(action.dueOn)})
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <h3>Due this week (to {format().date(found().weekEnd)})</h3>
              <Show
                when={found().dueThisWeek.length > 0}
                fallback={<p class="empty">Nothing falls due this week.</p>}
              >
                <ul class="link-list">
                  <For each={found().dueThisWeek}>
                    {(item) => (
                      <li>
                        {kindLabels[item.kind]}: <A href={`${base()}/${item.contractId}`}>{item.reference}</A>
                        , {item.what}
                        {item.dueOn ? `, ${format().date(item.dueOn)}` : ""}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={found().overdueObligations.length > 0}>
                <h3>Obligations overdue</h3>
                <ul class="link-list">
                  <For each={byContract(found().overdueObligations)}>
                    {(contract) => (
                      <li>
                        <A href={`${base()}/${contract.contractId}?tab=obligations`}>{contract.reference}</A>:{" "}
                        {contract.obligations
                          .map(
                            (obligation) =>
                              `${obligation.title}${obligation.dueOn ? ` (due ${format().date(obligation.dueOn)})` : ""}`,
                          )
                          .join("; ")}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <TableWrap label="My contracts">
                <table class="table">
                  <caption class="visually-hidden">
                    Contracts you manage or are the SRO for, with their status for{" "}
                    {format().month(found().dueMonth)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Contract</th>
                      <th scope="col">Tier</th>
                      <th scope="col">Your role</th>
                      <th scope="col">{format().month(found().dueMonth)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={found().contracts}>
                      {(contract) => (
                        <tr>
                          <th scope="row">
                            <A href={`${base()}/${contract.contractId}?tab=rag`}>{contract.reference}</A>
                            <span class="cell-meta">{contract.title}</span>
                          </th>
                          <td>
                            <TierBadge tier={contract.tier} />
                          </td>
                          <td>{contract.role === "manager" ? "Contract manager" : "SRO"}</td>
                          <td>
                            <RagBadge status={contract.status} />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
            </section>
          </Show>
        );
      }}
    </Query>
  );
}

/** The overdue duties a contract at a time (one line each), in the order they came. */
function byContract<T extends { contractId: string; reference: string }>(obligations: readonly T[]) {
  const contracts = new Map<string, { contractId: string; reference: string; obligations: T[] }>();
  for (const obligation of obligations) {
    const found = contracts.get(obligation.contractId);
    if (found) found.obligations.push(obligation);
    else
      contracts.set(obligation.contractId, {
        contractId: obligation.contractId,
        reference: obligation.reference,
        obligations: [obligation],
      });
  }
  return [...contracts.values()];
}

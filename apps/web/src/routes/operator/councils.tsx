import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { platformFormat } from "../../format.ts";
import { operatorMutate, operatorQuery } from "../../operator-query.ts";
import type { Answer, Client } from "../../trpc.ts";
import { LicenceDialog } from "./licence-dialog.tsx";
import { LicenceStanding, OfflineNotice } from "./licence-labels.tsx";

type Council = Answer<Client["operator"]["councils"]>["councils"][number];

/** `/operator`: every council of the platform, its licence and usage; suspend, reactivate, assign by hand. */
export function OperatorCouncils() {
  const councils = operatorQuery((procedures) => procedures.operator.councils());
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const [editing, setEditing] = createSignal<Council | null>(null);
  const [announcement, setAnnouncement] = createSignal("");

  const confirmSuspension = (council: Council) =>
    setConfirmation(
      council.licence?.suspended
        ? {
            title: `Reactivate ${council.name}?`,
            description: (
              <p>Its members will be able to make changes again, within what its licence allows.</p>
            ),
            confirmLabel: "Reactivate",
            run: async () => {
              await operatorMutate(
                (procedures) => procedures.operator.reactivate({ tenantId: council.id }),
                ["operator"],
              );
              setAnnouncement(`${council.name} has been reactivated.`);
            },
          }
        : {
            title: `Suspend ${council.name}?`,
            description: (
              <p>
                Its members will still read and export everything, but can change nothing until you reactivate
                it. Nothing is deleted.
              </p>
            ),
            confirmLabel: "Suspend",
            destructive: true,
            run: async () => {
              await operatorMutate(
                (procedures) =>
                  procedures.operator.suspend({
                    tenantId: council.id,
                    reason: "Suspended by the platform operator",
                  }),
                ["operator"],
              );
              setAnnouncement(`${council.name} has been suspended.`);
            },
          },
    );

  return (
    <>
      <PageHeading title="Councils" caption="Platform operator" />
      <p>
        Every council on the platform and its licence. You see their licences and usage, not their contracts.
      </p>
      <p>
        <A href="/operator/councils/new" class="button">
          Set up a council
        </A>
      </p>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
      <Query query={councils} loading="Loading councils…">
        {(found) => (
          <>
            <Show when={found().offline}>
              <OfflineNotice />
            </Show>
            <Show
              when={found().councils.length > 0}
              fallback={<p class="empty">No council has been set up yet.</p>}
            >
              <TableWrap label="Councils">
                <table class="table">
                  <caption class="visually-hidden">Councils on the platform</caption>
                  <thead>
                    <tr>
                      <th scope="col">Council</th>
                      <th scope="col">Plan</th>
                      <th scope="col">Licence</th>
                      <th scope="col">Seats used</th>
                      <th scope="col">Ends</th>
                      <th scope="col">Last activity</th>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={found().councils}>
                      {(council) => (
                        <tr>
                          <th scope="row">
                            {council.name}
                            <span class="cell-meta"> /t/{council.slug}</span>
                          </th>
                          <td>{council.licence?.planName ?? "None"}</td>
                          <td>
                            <LicenceStanding
                              standing={
                                council.licence?.suspended
                                  ? "suspended"
                                  : (council.licence?.standing ?? "read_only")
                              }
                            />
                            <Show when={council.licence?.source === "stripe"}>
                              <span class="cell-meta"> (Stripe)</span>
                            </Show>
                          </td>
                          <td class="cell-nowrap">
                            {council.seatsUsed} of {council.licence?.seats ?? 0}
                          </td>
                          <td class="cell-nowrap">
                            {council.licence?.endsOn
                              ? platformFormat.date(council.licence.endsOn)
                              : "Open-ended"}
                          </td>
                          <td class="cell-nowrap">
                            {council.lastActivityAt
                              ? platformFormat.dateTime(String(council.lastActivityAt))
                              : "Never"}
                          </td>
                          <td class="cell-actions">
                            <Show when={council.licence?.source !== "stripe"}>
                              <button
                                type="button"
                                class="button button--secondary button--small"
                                onClick={() => setEditing(council)}
                              >
                                Licence<span class="visually-hidden"> of {council.name}</span>
                              </button>
                            </Show>{" "}
                            <Show when={council.licence}>
                              <button
                                type="button"
                                class="button button--secondary button--small"
                                onClick={() => confirmSuspension(council)}
                              >
                                {council.licence?.suspended ? "Reactivate" : "Suspend"}
                                <span class="visually-hidden"> {council.name}</span>
                              </button>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
            </Show>
          </>
        )}
      </Query>
      <Show when={editing()} keyed>
        {(council) => (
          <LicenceDialog
            council={council}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setAnnouncement(`${council.name}'s licence has been saved.`);
            }}
          />
        )}
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}

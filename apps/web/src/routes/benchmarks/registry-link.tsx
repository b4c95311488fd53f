import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { describeProblem } from "../../trpc.ts";

const matchedByWords = {
  registration_number: "its registration number matches",
  name: "its name matches",
} as const;

/**
 * A supplier's link to the organisation registry (issue 9 §1): the entry it is linked to, or the entries it may
 * be, suggested by registration number first and then by name, for a person to confirm. A suggestion shows only
 * what the registry holds, never what another council typed.
 */
export function RegistryLink(props: { supplierId: string }) {
  const { council, can } = useCouncil();
  const found = councilQuery((procedures) =>
    procedures.organisations.suggestions({ supplierId: props.supplierId }),
  );
  const mutate = councilMutations();
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  const base = () => `/t/${council().slug}`;
  return (
    <section aria-labelledby="registry-heading">
      <h2 id="registry-heading">Across councils</h2>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
      <Query query={found} loading="Loading the registry link…">
        {(link) => (
          <Show
            when={link().linked}
            fallback={
              <>
                <p>
                  This supplier is not linked to the organisation registry, so it cannot be compared with the
                  same company at other councils.
                </p>
                <Show
                  when={link().suggestions.length > 0}
                  fallback={
                    <p class="empty">The registry has no entry with this supplier's number or name.</p>
                  }
                >
                  <ul class="benchmark-suppliers">
                    <For each={link().suggestions}>
                      {(suggestion) => (
                        <li>
                          <strong>{suggestion.name ?? "No registered name recorded yet"}</strong>{" "}
                          <span class="cell-meta">
                            {suggestion.scheme}-{suggestion.identifier}:{" "}
                            {matchedByWords[suggestion.matchedBy]}
                          </span>{" "}
                          <Show when={can("suppliers:write")}>
                            <button
                              type="button"
                              class="button button--secondary"
                              onClick={async () => {
                                try {
                                  await mutate(
                                    (procedures) =>
                                      procedures.organisations.link({
                                        supplierId: props.supplierId,
                                        version: link().version,
                                        organisationId: suggestion.organisationId,
                                      }),
                                    ["organisations", "suppliers", "benchmarks"],
                                  );
                                  setAnnouncement(`Linked to ${suggestion.scheme}-${suggestion.identifier}.`);
                                } catch (error) {
                                  setAnnouncement(describeProblem(error).message);
                                }
                              }}
                            >
                              This is our supplier: link it
                            </button>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </>
            }
          >
            {(linked) => (
              <>
                <p>
                  Linked to {linked().name} ({linked().scheme}-{linked().identifier}).{" "}
                  <A href={`${base()}/benchmarks/suppliers/${props.supplierId}`}>
                    How this supplier compares
                  </A>
                </p>
                <Show when={can("suppliers:write")}>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() =>
                      setConfirmation({
                        title: "Unlink this supplier from the registry?",
                        description: (
                          <p>
                            It will no longer be compared across councils until it is linked again. Benchmarks
                            already published stay as they are.
                          </p>
                        ),
                        confirmLabel: "Unlink",
                        destructive: true,
                        run: async () => {
                          await mutate(
                            (procedures) =>
                              procedures.organisations.unlink({
                                supplierId: props.supplierId,
                                version: link().version,
                              }),
                            ["organisations", "suppliers", "benchmarks"],
                          );
                          setAnnouncement("Unlinked from the registry.");
                        },
                      })
                    }
                  >
                    Unlink from the registry
                  </button>
                </Show>
              </>
            )}
          </Show>
        )}
      </Query>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </section>
  );
}

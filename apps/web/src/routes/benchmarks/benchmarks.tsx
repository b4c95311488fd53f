import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { BenchmarkFigure } from "./benchmark-figure.tsx";

/**
 * `/t/:slug/benchmarks` (issue 9 §3, §5, §6): how the council compares with the other councils in the pool, per
 * universal measure and per KPI of the library it measures, its suppliers' benchmarks, early warnings, and its
 * consent to the pool. No other council is named anywhere.
 */
export function Benchmarks() {
  const { council, can, format } = useCouncil();
  const participation = councilQuery((procedures) => procedures.benchmarks.participation());
  const overview = councilQuery((procedures) => procedures.benchmarks.overview());
  const mutate = councilMutations();
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  const decide = (optedIn: boolean) =>
    setConfirmation(
      optedIn
        ? {
            title: "Join the benchmarking pool?",
            description: (
              <>
                <p>
                  {council().name}'s KPI measurements, monthly RAG, payment days and approved changes will
                  count in the next published month, only as anonymous figures across at least five councils.
                  No other council sees your name or your own figures.
                </p>
                <p>While you take part, you see how your council and your suppliers compare.</p>
              </>
            ),
            confirmLabel: "Join the pool",
            run: async () => {
              await mutate(
                (procedures) => procedures.benchmarks.setParticipation({ optedIn: true }),
                ["benchmarks"],
              );
              setAnnouncement("Your council takes part in the benchmarking pool.");
            },
          }
        : {
            title: "Leave the benchmarking pool?",
            description: (
              <p>
                Your council's data will be left out of the next published month, and you will no longer see
                benchmarks. Months already published stay as they are.
              </p>
            ),
            confirmLabel: "Leave the pool",
            destructive: true,
            run: async () => {
              await mutate(
                (procedures) => procedures.benchmarks.setParticipation({ optedIn: false }),
                ["benchmarks"],
              );
              setAnnouncement("Your council has left the benchmarking pool.");
            },
          },
    );
  const base = () => `/t/${council().slug}`;
  return (
    <>
      <PageHeading title="Benchmarks" caption={council().name} />
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
      <Query query={participation} loading="Loading your council's part in the pool…">
        {(found) => (
          <section class="benchmark-consent" aria-labelledby="consent-heading">
            <h2 id="consent-heading">Your council's part in the pool</h2>
            <p>
              {found().optedIn
                ? `${council().name} contributes to the benchmarking pool${found().decidedAt ? ` (since ${format().date(String(found().decidedAt))})` : ""}.`
                : `${council().name} does not contribute to the benchmarking pool, so it sees no benchmarks.`}
            </p>
            <Show when={can("settings:manage")}>
              <button
                type="button"
                class={found().optedIn ? "button button--secondary" : "button"}
                onClick={() => decide(!found().optedIn)}
              >
                {found().optedIn ? "Leave the pool" : "Join the pool"}
              </button>
            </Show>
            <Show when={!can("settings:manage")}>
              <p class="cell-meta">Your council's admin decides whether it takes part.</p>
            </Show>
          </section>
        )}
      </Query>
      <Query query={overview} loading="Loading the benchmarks…">
        {(found) => (
          <>
            <Show when={found().suppliers.filter((supplier) => supplier.warning)}>
              {(warned) => (
                <Show when={warned().length > 0}>
                  <div class="notice notice--warning" role="note">
                    <h2>Early warning</h2>
                    <ul>
                      <For each={warned()}>
                        {(supplier) => (
                          <li>
                            <A href={`${base()}/benchmarks/suppliers/${supplier.supplierId}`}>
                              {supplier.name}
                            </A>{" "}
                            was rated Red or Inadequate at several councils last month (at least five; which
                            ones is never shown).
                          </li>
                        )}
                      </For>
                    </ul>
                  </div>
                </Show>
              )}
            </Show>
            <Show
              when={found().snapshot}
              fallback={
                <p class="empty">
                  {found().contributing
                    ? "No month has been published yet. Benchmarks appear after the first month ends."
                    : "Benchmarks are shown to councils that contribute to the pool."}
                </p>
              }
            >
              {(snapshot) => (
                <>
                  <p>
                    {format().month(snapshot().period)}: {snapshot().poolSize} councils in the pool. A figure
                    is shown only where at least {snapshot().k} councils measured it.
                  </p>
                  <section aria-labelledby="measures-heading">
                    <h2 id="measures-heading">Your council against the pool</h2>
                    <For each={found().measures}>
                      {(measure) => (
                        <article class="benchmark">
                          <h3>{measure.label}</h3>
                          <p class="cell-meta">{measure.definition}</p>
                          <BenchmarkFigure
                            title={`${measure.label} across councils`}
                            view={measure.benchmark}
                            unit={measure.unit}
                            direction={measure.direction}
                            ownLabel="Your council"
                          />
                        </article>
                      )}
                    </For>
                  </section>
                  <section aria-labelledby="templates-heading">
                    <h2 id="templates-heading">Your KPIs from the library</h2>
                    <Show
                      when={found().templates.length > 0}
                      fallback={
                        <p class="empty">
                          None of your KPIs is linked to the KPI library yet. Link a KPI to a library KPI on
                          its contract's KPIs tab to compare it.
                        </p>
                      }
                    >
                      <For each={found().templates}>
                        {(template) => (
                          <article class="benchmark">
                            <h3>{template.name}</h3>
                            <p class="cell-meta">{template.categoryName}</p>
                            <BenchmarkFigure
                              title={`${template.name} across councils`}
                              view={template.benchmark}
                              unit={template.unit as never}
                              unitLabel={template.unitLabel}
                              direction={template.direction}
                              ownLabel="Your council"
                            />
                          </article>
                        )}
                      </For>
                    </Show>
                  </section>
                  <section aria-labelledby="suppliers-heading">
                    <h2 id="suppliers-heading">Your suppliers</h2>
                    <Show
                      when={found().suppliers.length > 0}
                      fallback={
                        <p class="empty">
                          No supplier is linked to the organisation registry yet. Link one from its supplier
                          page to see how it performs across councils.
                        </p>
                      }
                    >
                      <ul class="benchmark-suppliers">
                        <For each={found().suppliers}>
                          {(supplier) => (
                            <li>
                              <A href={`${base()}/benchmarks/suppliers/${supplier.supplierId}`}>
                                How {supplier.name} compares
                              </A>{" "}
                              <span class="cell-meta">
                                {supplier.scheme}-{supplier.identifier}
                              </span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </section>
                </>
              )}
            </Show>
          </>
        )}
      </Query>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}

import { A, useParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import { BenchmarkFigure } from "./benchmark-figure.tsx";

/**
 * `/t/:slug/benchmarks/suppliers/:supplierId` (issue 9 §5): one supplier organisation across the councils of
 * the pool: its figures against the whole pool, its KPI attainment against its service category's, and this
 * council's own figures with it. The other councils are never named.
 */
export function SupplierBenchmark() {
  const { council, format } = useCouncil();
  const params = useParams();
  const page = councilQuery((procedures) =>
    procedures.benchmarks.supplier({ supplierId: params.supplierId ?? "" }),
  );
  const base = () => `/t/${council().slug}`;
  const ownLabel = "Your council with this supplier";
  return (
    <>
      <PageHeading title={answer(page)?.supplier.name ?? "Supplier benchmark"} caption="Benchmarks" />
      <Query query={page} loading="Loading the supplier's benchmark…">
        {(found) => (
          <>
            <div class="page-actions">
              <A href={`${base()}/suppliers/${found().supplier.id}`} class="page-actions__link">
                The supplier's record
              </A>
              <A href={`${base()}/benchmarks`} class="page-actions__link">
                All benchmarks
              </A>
            </div>
            <Show
              when={found().supplier.organisation}
              fallback={
                <p class="empty">
                  This supplier is not linked to the organisation registry, so it cannot be compared across
                  councils. Link it from{" "}
                  <A href={`${base()}/suppliers/${found().supplier.id}`}>its supplier page</A>.
                </p>
              }
            >
              {(organisation) => (
                <p>
                  {organisation().name} ({organisation().scheme}-{organisation().identifier}), across the
                  councils of the pool that contract with it.
                </p>
              )}
            </Show>
            <Show when={found().warning}>
              <div class="notice notice--warning" role="note">
                <p>
                  <strong>Early warning:</strong> this supplier was rated Red or Inadequate at several
                  councils last month (at least five; which ones is never shown).
                </p>
              </div>
            </Show>
            <Show
              when={found().snapshot}
              fallback={
                <Show when={found().supplier.organisation}>
                  <p class="empty">
                    {found().contributing
                      ? "No month has been published yet."
                      : "Benchmarks are shown to councils that contribute to the pool."}
                  </p>
                </Show>
              }
            >
              {(snapshot) => (
                <>
                  <p>
                    {format().month(snapshot().period)}: {snapshot().poolSize} councils in the pool. A figure
                    is shown only where at least {snapshot().k} councils measured it.
                  </p>
                  <section aria-labelledby="supplier-measures">
                    <h2 id="supplier-measures">This supplier against the pool</h2>
                    <For each={found().measures}>
                      {(measure) => (
                        <article class="benchmark">
                          <h3>{measure.label}</h3>
                          <BenchmarkFigure
                            title={`${measure.label}: this supplier across councils`}
                            view={measure.benchmark}
                            unit={measure.unit}
                            direction={measure.direction}
                            ownLabel={ownLabel}
                          />
                        </article>
                      )}
                    </For>
                  </section>
                  <Show when={found().attainment.length > 0}>
                    <section aria-labelledby="supplier-attainment">
                      <h2 id="supplier-attainment">KPI attainment against the category</h2>
                      <For each={found().attainment}>
                        {(row) => (
                          <article class="benchmark">
                            <h3>{row.categoryName}: this supplier</h3>
                            <BenchmarkFigure
                              title={`KPI attainment in ${row.categoryName}: this supplier across councils`}
                              view={row.benchmark}
                              unit="percent"
                              direction="higher_is_better"
                              ownLabel={ownLabel}
                            />
                            <h4>{row.categoryName}: every supplier</h4>
                            <BenchmarkFigure
                              title={`KPI attainment in ${row.categoryName}: all suppliers across councils`}
                              view={row.comparison}
                              unit="percent"
                              direction="higher_is_better"
                              ownLabel="Your council"
                            />
                          </article>
                        )}
                      </For>
                    </section>
                  </Show>
                  <Show when={found().templates.length > 0}>
                    <section aria-labelledby="supplier-templates">
                      <h2 id="supplier-templates">KPIs from the library</h2>
                      <For each={found().templates}>
                        {(template) => (
                          <article class="benchmark">
                            <h3>{template.name}</h3>
                            <BenchmarkFigure
                              title={`${template.name}: this supplier across councils`}
                              view={template.benchmark}
                              unit={template.unit as never}
                              unitLabel={template.unitLabel}
                              direction={template.direction}
                              ownLabel={ownLabel}
                            />
                          </article>
                        )}
                      </For>
                    </section>
                  </Show>
                </>
              )}
            </Show>
          </>
        )}
      </Query>
    </>
  );
}

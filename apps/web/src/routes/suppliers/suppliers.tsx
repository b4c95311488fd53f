import { A, useSearchParams } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { Pagination, showingText } from "../../components/pagination.tsx";
import { SearchBox } from "../../components/search-box.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";

const pageSize = 50;

/** `/t/:slug/suppliers`: the council's suppliers, searched on the server; search and page in the URL. */
export function Suppliers() {
  const { council, can } = useCouncil();
  const [params, setParams] = useSearchParams();
  const query = createMemo(() => {
    const search = typeof params.q === "string" ? params.q : "";
    const page = Number.parseInt(typeof params.page === "string" ? params.page : "1", 10);
    return { search, page: Number.isFinite(page) && page > 0 ? page : 1 };
  });
  const base = () => `/t/${council().slug}/suppliers`;
  const suppliers = councilQuery(
    (procedures) =>
      procedures.suppliers.list({ search: query().search || undefined, page: query().page, pageSize }),
    { keepPrevious: true },
  );
  const pageHref = (page: number) => {
    const next = new URLSearchParams(window.location.search);
    if (page > 1) next.set("page", String(page));
    else next.delete("page");
    const text = next.toString();
    return `${base()}${text ? `?${text}` : ""}`;
  };

  return (
    <>
      <PageHeading title="Suppliers" caption={council().name} />
      <Show when={can("suppliers:write")}>
        <div class="page-actions">
          <A href={`${base()}/new`} class="button">
            Add supplier
          </A>
        </div>
      </Show>
      <search aria-label="Find a supplier">
        <SearchBox
          id="supplier-search"
          label="Search suppliers"
          hint="By name or registration number."
          value={query().search}
          onSearch={(text) => setParams({ q: text || undefined, page: undefined }, { replace: true })}
        />
      </search>
      <Query query={suppliers} loading="Loading suppliers…">
        {(result) => (
          <>
            <p class="results-summary" role="status" aria-live="polite">
              {showingText(result().page, result().pageSize, result().total, {
                one: "supplier",
                many: "suppliers",
              })}
            </p>
            <Show
              when={result().rows.length > 0}
              fallback={
                <p class="empty">
                  {query().search
                    ? "No suppliers match your search."
                    : "There are no suppliers yet. They are added with contracts, by an import or here."}
                </p>
              }
            >
              <TableWrap label="Suppliers table">
                <table class="table">
                  <caption class="visually-hidden">Suppliers, by name, page {result().page}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Supplier</th>
                      <th scope="col">Registration number</th>
                      <th scope="col">Type</th>
                      <th scope="col" class="cell-numeric">
                        Live contracts
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={result().rows}>
                      {(supplier) => (
                        <tr>
                          <th scope="row">
                            <A href={`${base()}/${supplier.id}`}>{supplier.name}</A>
                          </th>
                          <td>{supplier.registrationNumber ?? <span class="muted">Not recorded</span>}</td>
                          <td>
                            <Show when={supplier.isSme}>
                              <span class="tag tag--quiet-inline">SME</span>
                            </Show>
                            <Show when={supplier.isVcse}>
                              <span class="tag tag--quiet-inline">VCSE</span>
                            </Show>
                          </td>
                          <td class="cell-numeric">{supplier.liveContractCount}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
              <Pagination
                page={result().page}
                pageSize={result().pageSize}
                total={result().total}
                href={pageHref}
                label="Pages of suppliers"
              />
            </Show>
          </>
        )}
      </Query>
    </>
  );
}

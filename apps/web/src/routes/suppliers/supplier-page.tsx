import { A, useLocation, useParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TierBadge } from "../../components/tier-badge.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import { RegistryLink } from "../benchmarks/registry-link.tsx";
import { statusLabels } from "../contracts/labels.ts";
import { registerHref } from "../contracts/register-query.ts";

function noticeOf(state: unknown): string | null {
  if (typeof state !== "object" || state === null) return null;
  const notice: unknown = Reflect.get(state, "notice");
  return typeof notice === "string" ? notice : null;
}

/** `/t/:slug/suppliers/:supplierId`: a supplier's details and its contracts in this council. */
export function SupplierPage() {
  const { council, can, format } = useCouncil();
  const params = useParams();
  const location = useLocation();
  const notice = noticeOf(location.state);
  const supplier = councilQuery((procedures) =>
    procedures.suppliers.get({ supplierId: params.supplierId ?? "" }),
  );
  const contracts = councilQuery((procedures) =>
    procedures.contracts.list({ supplierId: params.supplierId ?? "", sort: "endDate", pageSize: 100 }),
  );
  const base = () => `/t/${council().slug}`;
  return (
    <>
      <PageHeading title={answer(supplier)?.name ?? "Supplier"} caption="Suppliers" />
      <Show when={notice}>
        <p class="notice notice--success" role="status">
          {notice}
        </p>
      </Show>
      <Query query={supplier} loading="Loading the supplier…">
        {(found) => (
          <>
            <div class="page-actions">
              <Show when={can("suppliers:write")}>
                <A href={`${base()}/suppliers/${found().id}/edit`} class="button button--secondary">
                  Edit supplier
                </A>
              </Show>
              <A href={`${base()}/suppliers`} class="page-actions__link">
                All suppliers
              </A>
            </div>
            <dl class="summary-list">
              <div class="summary-list__row">
                <dt>Registration</dt>
                <dd>
                  {found().registrationNumber ?? "Not recorded"}
                  <Show when={found().organisation}>
                    {(organisation) => (
                      <span class="cell-meta">
                        Linked to {organisation().scheme}-{organisation().identifier} ({organisation().name})
                      </span>
                    )}
                  </Show>
                </dd>
              </div>
              <div class="summary-list__row">
                <dt>Type</dt>
                <dd>
                  {[found().isSme ? "SME" : null, found().isVcse ? "VCSE" : null]
                    .filter(Boolean)
                    .join(", ") || "Not an SME or VCSE"}
                </dd>
              </div>
              <div class="summary-list__row">
                <dt>Address</dt>
                <dd class="pre-line">{found().address ?? "Not recorded"}</dd>
              </div>
              <div class="summary-list__row">
                <dt>Contact</dt>
                <dd>
                  {[found().contactName, found().contactEmail, found().contactPhone]
                    .filter(Boolean)
                    .join(" · ") || "Not recorded"}
                </dd>
              </div>
            </dl>
          </>
        )}
      </Query>
      <RegistryLink supplierId={params.supplierId ?? ""} />
      <h2>Contracts with this supplier</h2>
      <Query query={contracts} loading="Loading contracts…">
        {(result) => (
          <Show
            when={result().rows.length > 0}
            fallback={<p class="empty">This supplier has no live contracts in the register.</p>}
          >
            <TableWrap label="Supplier's contracts table">
              <table class="table">
                <caption class="visually-hidden">Live contracts with this supplier, by end date</caption>
                <thead>
                  <tr>
                    <th scope="col">Reference</th>
                    <th scope="col">Title</th>
                    <th scope="col">Ends</th>
                    <th scope="col" class="cell-numeric">
                      Total value
                    </th>
                    <th scope="col">Tier</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={result().rows}>
                    {(row) => (
                      <tr>
                        <th scope="row" class="cell-reference">
                          <A href={`${base()}/contracts/${row.id}`}>{row.reference}</A>
                        </th>
                        <td class="cell-title">{row.title}</td>
                        <td class="cell-nowrap">{row.endDate ? format().date(row.endDate) : "—"}</td>
                        <td class="cell-numeric cell-nowrap">
                          {row.totalValueMinor === null ? "—" : format().money(row.totalValueMinor)}
                        </td>
                        <td>
                          <TierBadge tier={row.tier} />
                        </td>
                        <td>{statusLabels[row.status]}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
            <Show when={result().total > result().rows.length}>
              <p>
                Showing the first {result().rows.length} of {result().totalCapped ? "more than " : ""}
                {result().total}.{" "}
                <A href={registerHref(council().slug, { supplierId: params.supplierId ?? null })}>
                  See them all in the register
                </A>
              </p>
            </Show>
            <Show when={result().total <= result().rows.length}>
              <p>
                <A href={registerHref(council().slug, { supplierId: params.supplierId ?? null })}>
                  Open these contracts in the register
                </A>
              </p>
            </Show>
          </Show>
        )}
      </Query>
    </>
  );
}

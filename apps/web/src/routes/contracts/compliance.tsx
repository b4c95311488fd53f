import { A } from "@solidjs/router";
import { tierLabels, tiers } from "@steward/domain";
import { createResource, For, Show } from "solid-js";
import { Async } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TierBadge } from "../../components/tier-badge.tsx";
import { useCouncil } from "../../council.tsx";
import { ComplianceScore } from "./compliance-score.tsx";
import { registerHref } from "./register-query.ts";

/** `/t/:slug/compliance`: the assurance view (004 §5) over every live contract, derived as of today. */
export function Compliance() {
  const { api, council } = useCouncil();
  const [overview, { refetch }] = createResource(
    () => council().tenantId,
    () => api().contracts.compliance.query(),
  );
  const base = () => `/t/${council().slug}`;
  return (
    <>
      <PageHeading title="Compliance" caption={council().name} />
      <p>
        What each live contract owes under the council's contract management framework, and how many of those
        duties are met, as of today.
      </p>
      <Async resource={overview} loading="Loading compliance…" retry={() => void refetch()}>
        {(found) => (
          <Show
            when={found().contractCount > 0}
            fallback={
              <p class="empty">
                There are no live contracts yet. <A href={`${base()}/contracts`}>Go to the register</A>.
              </p>
            }
          >
            <dl class="stat-list">
              <div class="stat">
                <dt>Live contracts</dt>
                <dd>{found().contractCount}</dd>
              </div>
              <div class="stat">
                <dt>Average compliance score</dt>
                <dd>
                  <ComplianceScore score={found().averageScore} />
                </dd>
              </div>
              <div class="stat stat--ok">
                <dt>Fully compliant</dt>
                <dd>
                  {found().fullyCompliant}
                  <span class="stat__meta">with nothing overdue</span>
                </dd>
              </div>
              <div class="stat">
                <dt>Invoices paid within 30 days</dt>
                <dd>
                  {found().payments.percentWithin30 === null ? "—" : `${found().payments.percentWithin30}%`}
                  <span class="stat__meta">
                    {found().payments.paidWithin30Count} of {found().payments.paidCount} paid
                  </span>
                </dd>
              </div>
            </dl>

            <section aria-labelledby="tiers-heading">
              <h2 id="tiers-heading">Contracts by tier</h2>
              <ul class="tier-counts">
                <For each={[...tiers]}>
                  {(tier) => (
                    <li>
                      <TierBadge tier={tier} />{" "}
                      <A href={registerHref(council().slug, { tier })}>
                        {found().byTier[tier]} {tierLabels[tier].toLowerCase()}-tier contract
                        {found().byTier[tier] === 1 ? "" : "s"}
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </section>

            <section aria-labelledby="payments-heading">
              <h2 id="payments-heading">Payment within 30 days</h2>
              <p>
                Procurement Act 2023 s.68–69: invoices are paid within 30 days of receipt, and the council
                publishes how many were.
              </p>
              <dl class="summary-list">
                <div class="summary-list__row">
                  <dt>Paid within 30 days</dt>
                  <dd>
                    {found().payments.bands.within30} of {found().payments.paidCount}
                  </dd>
                </div>
                <div class="summary-list__row">
                  <dt>Paid in 31 to 60 days</dt>
                  <dd>{found().payments.bands.days31to60}</dd>
                </div>
                <div class="summary-list__row">
                  <dt>Paid after more than 60 days</dt>
                  <dd>{found().payments.bands.over60}</dd>
                </div>
                <div class="summary-list__row">
                  <dt>Average days to pay</dt>
                  <dd>{found().payments.averageDaysToPay ?? "—"}</dd>
                </div>
                <div class="summary-list__row">
                  <dt>Unpaid and over 30 days old</dt>
                  <dd>{found().payments.overdueUnpaidCount}</dd>
                </div>
              </dl>
            </section>

            <section aria-labelledby="duties-heading">
              <h2 id="duties-heading">Duties most often overdue</h2>
              <Show
                when={found().overdueByDuty.length > 0}
                fallback={<p class="notice notice--success">No duty is overdue on any contract.</p>}
              >
                <TableWrap label="Overdue duties table">
                  <table class="table">
                    <caption class="visually-hidden">Obligations overdue, by how many contracts</caption>
                    <thead>
                      <tr>
                        <th scope="col">Duty</th>
                        <th scope="col" class="cell-numeric">
                          Contracts overdue
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={found().overdueByDuty}>
                        {(duty) => (
                          <tr>
                            <th scope="row">{duty.title}</th>
                            <td class="cell-numeric">{duty.count}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </TableWrap>
              </Show>
            </section>

            <section aria-labelledby="attention-heading">
              <h2 id="attention-heading">Contracts needing attention</h2>
              <Show
                when={found().needingAttention.length > 0}
                fallback={<p class="empty">No contract has an overdue duty.</p>}
              >
                <p>Lowest scores first; up to 25 contracts.</p>
                <TableWrap label="Contracts needing attention table">
                  <table class="table">
                    <caption class="visually-hidden">
                      Contracts with overdue duties, lowest score first
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Contract</th>
                        <th scope="col">Tier</th>
                        <th scope="col" class="cell-numeric">
                          Overdue duties
                        </th>
                        <th scope="col" class="cell-numeric">
                          Score
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={found().needingAttention}>
                        {(contract) => (
                          <tr>
                            <th scope="row">
                              <A href={`${base()}/contracts/${contract.id}?tab=obligations`}>
                                {contract.reference}
                              </A>
                              <span class="cell-meta">{contract.title}</span>
                            </th>
                            <td>
                              <TierBadge tier={contract.tier} />
                            </td>
                            <td class="cell-numeric">{contract.overdue}</td>
                            <td class="cell-numeric">
                              <ComplianceScore score={contract.score} />
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </TableWrap>
              </Show>
            </section>
          </Show>
        )}
      </Async>
    </>
  );
}

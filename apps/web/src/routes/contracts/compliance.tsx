import { A } from "@solidjs/router";
import { type PaymentFigures, tierLabels, tiers, trackedLabel } from "@steward/domain";
import { For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TierBadge } from "../../components/tier-badge.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import { ComplianceScore } from "./compliance-score.tsx";
import { registerHref } from "./register-query.ts";

/** `/t/:slug/compliance`: the assurance view (004 §5) over every live contract, derived as of today. */
export function Compliance() {
  const { council } = useCouncil();
  const overview = councilQuery((procedures) => procedures.contracts.compliance());
  const base = () => `/t/${council().slug}`;
  return (
    <>
      <PageHeading title="Compliance" caption={council().name} />
      <p>
        What each live contract owes under the council's contract management framework, and how many of those
        duties are met, as of today.
      </p>
      <Query query={overview} loading="Loading compliance…">
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
                  <ComplianceScore score={found().averageScore} tracked={found()} />
                </dd>
              </div>
              <div class="stat" classList={{ "stat--ok": found().nothingOverdue === found().contractCount }}>
                <dt>Contracts with nothing overdue</dt>
                <dd>
                  {found().nothingOverdue}
                  <span class="stat__meta">
                    of {found().contractCount}, of the duties tracked; untracked duties may still be owed
                  </span>
                </dd>
              </div>
              <div class="stat">
                <dt>Invoices unpaid past the deadline</dt>
                <dd>
                  {found().payments.now.unpaidLateCount}
                  <span class="stat__meta">{found().payments.now.disputedCount} disputed, left out</span>
                </dd>
              </div>
            </dl>
            <p class="hint">
              Scores are over the duties Steward tracks today: {trackedLabel(found())} across the live
              contracts. A duty marked "not yet tracked here" lacks what would show it done (a contract's
              Obligations tab says what); it is owed all the same.
            </p>

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

            <PaymentsSection payments={found().payments} />

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
                              <ComplianceScore score={contract.score} tracked={contract} />
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
      </Query>
    </>
  );
}

/**
 * The payment figures: the council's payment term (PA23 s.68(2) or MFMA s.65(2)(e)) and, in England, what a
 * payments compliance notice reports (PR24 reg 38(2)(c)–(d)), for this reporting period so far and the last.
 */
function PaymentsSection(props: {
  payments: { publicContractsOnly: boolean; current: PaymentFigures; previous: PaymentFigures };
}) {
  const { format } = useCouncil();
  const rule = () => props.payments.current.rule;
  const percent = (value: number | null) => (value === null ? "—" : `${value}%`);
  const periodName = (figures: PaymentFigures) =>
    figures.period
      ? `${format().date(figures.period.start)} to ${format().date(figures.period.end)}`
      : "All invoices";
  return (
    <section aria-labelledby="payments-heading">
      <h2 id="payments-heading">Paying suppliers</h2>
      <p>{rule().term}</p>
      <Show when={props.payments.publicContractsOnly}>
        <p class="hint">
          Figures for the payments compliance notice (PA23 s.69, PR24 reg 38): sums paid under public
          contracts in each six-month reporting period. Days are counted from the day after the invoice was
          received, so reg 38's first band (up to day 30) runs one day longer than the s.68(2) term.
        </p>
      </Show>
      <TableWrap label="Payment figures table">
        <table class="table">
          <caption class="visually-hidden">Payment figures by reporting period</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" class="cell-numeric">
                This period so far
                <span class="cell-meta">{periodName(props.payments.current)}</span>
              </th>
              <th scope="col" class="cell-numeric">
                Last period
                <span class="cell-meta">{periodName(props.payments.previous)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <PaymentRow
              label="Invoices paid"
              figure={(figures) => String(figures.paidCount)}
              payments={props.payments}
            />
            <PaymentRow
              label={rule().onTimeLabel}
              hint="Of the paid invoices not disputed"
              figure={(figures) => percent(figures.percentPaidOnTime)}
              payments={props.payments}
            />
            <PaymentRow
              label={rule().reg38 ? "Average days to pay (reg 38(2)(c)(i))" : "Average days to pay"}
              figure={(figures) =>
                figures.averageDaysToPay === null ? "—" : String(figures.averageDaysToPay)
              }
              payments={props.payments}
            />
            <PaymentRow
              label={rule().reg38 ? "Paid by day 30 (reg 38(2)(c)(ii))" : "Paid by day 30"}
              figure={(figures) => percent(figures.bands.upToDay30)}
              payments={props.payments}
            />
            <PaymentRow
              label="Paid on day 31 to 60"
              figure={(figures) => percent(figures.bands.day31to60)}
              payments={props.payments}
            />
            <PaymentRow
              label="Paid on day 61 or later"
              figure={(figures) => percent(figures.bands.day61OrLater)}
              payments={props.payments}
            />
            <Show when={rule().reg38}>
              <PaymentRow
                label="Became payable in the period and not paid in it (reg 38(2)(d))"
                hint="This period: not paid yet"
                figure={(figures) => percent(figures.notPaidInPeriod?.percent ?? null)}
                payments={props.payments}
              />
            </Show>
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function PaymentRow(props: {
  label: string;
  hint?: string;
  figure: (figures: PaymentFigures) => string;
  payments: { current: PaymentFigures; previous: PaymentFigures };
}) {
  return (
    <tr>
      <th scope="row">
        {props.label}
        <Show when={props.hint}>{(hint) => <span class="cell-meta">{hint()}</span>}</Show>
      </th>
      <td class="cell-numeric">{props.figure(props.payments.current)}</td>
      <td class="cell-numeric">{props.figure(props.payments.previous)}</td>
    </tr>
  );
}

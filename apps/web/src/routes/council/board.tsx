import { A, useSearchParams } from "@solidjs/router";
import {
  firstOfMonth,
  meetingTypeLabels,
  type RagStatus,
  ragStatusLabels,
  riskScore,
  tierLabels,
} from "@steward/domain";
import { type Accessor, For, type JSX, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { OnTargetTrend } from "../../components/charts/on-target-trend.tsx";
import { RagStrip } from "../../components/charts/rag-strip.tsx";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { Pagination, showingText } from "../../components/pagination.tsx";
import { RagBadge } from "../../components/rag-badge.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TierBadge } from "../../components/tier-badge.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import type { Answer, Client } from "../../trpc.ts";
import styles from "./board.module.css";

type Board = Answer<Client["board"]["view"]>;
type Counts = Board["counts"]["total"];

/** Flagged contracts a page: the server's default first, up to its limit for a printed pack. */
const pageSizes = [25, 50, 100, 200];

/** A positive whole number from the address, or undefined. */
function positive(value: string | string[] | undefined): number | undefined {
  const number = typeof value === "string" && /^\d{1,7}$/.test(value) ? Number(value) : 0;
  return number >= 1 ? number : undefined;
}

/** The months the board can show: the last twelve, last month first. */
function boardMonths(today: string): string[] {
  return Array.from({ length: 12 }, (_, index) => firstOfMonth(today, -1 - index));
}

/**
 * `/t/:slug/board`: the Contract Assurance Board's view of a month (004 §12.3), last month unless another is
 * chosen (`?month=YYYY-MM`). Printed, it is the board pack: the print stylesheet leaves out the site's
 * navigation and controls.
 */
export function AssuranceBoard() {
  const { council, format } = useCouncil();
  const [search, setSearch] = useSearchParams();
  const month = () =>
    typeof search.month === "string" && /^\d{4}-\d{2}$/.test(search.month) ? search.month : undefined;
  const page = () => positive(search.page) ?? 1;
  const pageSize = () => {
    const asked = positive(search.size);
    return asked !== undefined && pageSizes.includes(asked) ? asked : pageSizes[0];
  };
  const board = councilQuery(
    (procedures) =>
      procedures.board.view({
        ...(month() ? { month: month() } : {}),
        page: page(),
        pageSize: pageSize(),
      }),
    { keepPrevious: true },
  );
  const pageHref = (to: number) => {
    const params = new URLSearchParams();
    if (month()) params.set("month", month() ?? "");
    if (pageSize() !== pageSizes[0]) params.set("size", String(pageSize()));
    if (to > 1) params.set("page", String(to));
    const query = params.toString();
    return `${base()}/board${query ? `?${query}` : ""}`;
  };
  const missing = councilQuery((procedures) => procedures.rag.missing(month() ? { month: month() } : {}));
  const months = boardMonths(new Date().toISOString().slice(0, 10));
  const base = () => `/t/${council().slug}`;
  return (
    <div class={styles.pack}>
      <PageHeading title="Contract Assurance Board" caption={council().name} />
      <div class={styles.controls}>
        <ChoiceSelect
          id="board-month"
          label="Month"
          choices={months.map((each) => ({ value: each.slice(0, 7), label: format().month(each) }))}
          value={month() ?? months[0]?.slice(0, 7) ?? null}
          onChange={(value) =>
            setSearch({ month: value === months[0]?.slice(0, 7) ? undefined : value, page: undefined })
          }
          compact
        />
        <ChoiceSelect
          id="board-page-size"
          label="Contracts a page"
          choices={pageSizes.map((size) => ({ value: String(size), label: String(size) }))}
          value={String(pageSize())}
          onChange={(value) =>
            setSearch({ size: value === String(pageSizes[0]) ? undefined : value, page: undefined })
          }
          compact
        />
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          Print the board pack
        </button>
      </div>
      <Query query={board} loading="Loading the board…">
        {(found) => (
          <>
            <p class="lead">
              The Performance Tracker for <strong>{format().month(found().month)}</strong>: every contract
              rated Amber or Red, with its manager's commentary (004 §12.3).
            </p>
            <Totals counts={found().counts.total} />
            <section aria-labelledby="flagged-heading">
              <h2 id="flagged-heading">Amber and Red contracts ({found().flaggedTotal})</h2>
              <Show
                when={found().flagged.length > 0}
                fallback={
                  <p class="empty">
                    <Show
                      when={found().page > 1}
                      fallback={<>No contract was rated Amber or Red for {format().month(found().month)}.</>}
                    >
                      This page is past the last Amber or Red contract.{" "}
                      <a href={pageHref(1)}>Go to the first page</a>.
                    </Show>
                  </p>
                }
              >
                <Show when={found().flaggedTotal > found().pageSize}>
                  <p class="hint">
                    {showingText(found().page, found().pageSize, found().flaggedTotal, {
                      one: "contract",
                      many: "contracts",
                    })}
                    , Red first. The printed pack holds the contracts on this page: choose up to{" "}
                    {pageSizes.at(-1)} a page to print more.
                  </p>
                </Show>
                <For each={found().flagged}>
                  {(contract) => <FlaggedContract contract={contract} base={base()} />}
                </For>
                <Pagination
                  page={found().page}
                  pageSize={found().pageSize}
                  total={found().flaggedTotal}
                  href={pageHref}
                  label="Pages of Amber and Red contracts"
                />
              </Show>
            </section>
            <CountsTable
              id="by-tier"
              title="Contracts by tier"
              heading="Tier"
              rows={found().counts.byTier.map((row) => ({ name: tierLabels[row.tier], counts: row.counts }))}
            />
            <CountsTable
              id="by-area"
              title="Contracts by service area"
              heading="Service area"
              rows={found().counts.byServiceArea.map((row) => ({
                name: row.serviceArea,
                counts: row.counts,
              }))}
            />
            <MissingRag missing={missing} base={base()} month={found().month} />
            <DueLists board={found} base={base()} />
          </>
        )}
      </Query>
    </div>
  );
}

function Totals(props: { counts: Counts }) {
  const items: { status: RagStatus | null; key: keyof Counts }[] = [
    { status: "red", key: "red" },
    { status: "amber", key: "amber" },
    { status: "green", key: "green" },
    { status: null, key: "notSet" },
  ];
  return (
    <ul class={styles.totals} aria-label="Contracts by status">
      <For each={items}>
        {(item) => (
          <li>
            <span class={styles.total}>{props.counts[item.key]}</span> <RagBadge status={item.status} />
          </li>
        )}
      </For>
    </ul>
  );
}

function FlaggedContract(props: { contract: Board["flagged"][number]; base: string }) {
  const { format } = useCouncil();
  const contract = () => props.contract;
  return (
    <article class={styles.contract} aria-labelledby={`flagged-${contract().contractId}`}>
      <h3 id={`flagged-${contract().contractId}`} class={styles.contractTitle}>
        <RagBadge status={contract().status} />{" "}
        <A href={`${props.base}/contracts/${contract().contractId}?tab=rag`}>
          {contract().reference}: {contract().title}
        </A>
      </h3>
      <dl class={styles.facts}>
        <div>
          <dt>Contract manager</dt>
          <dd>{contract().managerName ?? "None named"}</dd>
        </div>
        <div>
          <dt>Tier</dt>
          <dd>
            <TierBadge tier={contract().tier} />
          </dd>
        </div>
        <div>
          <dt>Service area</dt>
          <dd>{contract().serviceArea || "Not recorded"}</dd>
        </div>
        <div>
          <dt>Overdue actions</dt>
          <dd>{contract().overdueActions}</dd>
        </div>
      </dl>
      <h4 class={styles.subheading}>Commentary</h4>
      <p class={styles.commentary}>{contract().commentary ?? "No commentary."}</p>
      <Show when={contract().suggested}>
        {(suggested) => (
          <p class="hint">
            Suggested when it was set: {ragStatusLabels[suggested().status]}. {suggested().reasons[0]}
          </p>
        )}
      </Show>
      <div class={styles.trends}>
        <div>
          <h4 class={styles.subheading}>Recent months</h4>
          <RagStrip label={contract().reference} months={contract().recentMonths} compact />
        </div>
        <div>
          <h4 class={styles.subheading}>KPIs at or near target</h4>
          <Show
            when={contract().kpiTrend.some((each) => each.measured > 0)}
            fallback={<p class="empty">No KPI measurements in these months.</p>}
          >
            <OnTargetTrend label={contract().reference} months={contract().kpiTrend} />
          </Show>
        </div>
      </div>
      <h4 class={styles.subheading}>Overdue obligations</h4>
      <Show when={contract().overdueObligations.length > 0} fallback={<p class="empty">None overdue.</p>}>
        <ul class={styles.obligations}>
          <For each={contract().overdueObligations}>
            {(obligation) => (
              <li>
                {obligation.title}
                {obligation.dueDate ? ` (due ${format().date(obligation.dueDate)})` : ""}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </article>
  );
}

function CountsTable(props: {
  id: string;
  title: string;
  heading: string;
  rows: { name: string; counts: Counts }[];
}) {
  const total = (counts: Counts) => counts.red + counts.amber + counts.green + counts.notSet;
  return (
    <section aria-labelledby={`${props.id}-heading`} class={styles.section}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <Show
        when={props.rows.some((row) => total(row.counts) > 0)}
        fallback={<p class="empty">No live contracts.</p>}
      >
        <TableWrap label={props.title}>
          <table class="table">
            <caption class="visually-hidden">{props.title}, by the month's status</caption>
            <thead>
              <tr>
                <th scope="col">{props.heading}</th>
                <th scope="col" class="cell-numeric">
                  Red
                </th>
                <th scope="col" class="cell-numeric">
                  Amber
                </th>
                <th scope="col" class="cell-numeric">
                  Green
                </th>
                <th scope="col" class="cell-numeric">
                  Not set
                </th>
                <th scope="col" class="cell-numeric">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(row) => (
                  <tr>
                    <th scope="row">{row.name}</th>
                    <td class="cell-numeric">{row.counts.red}</td>
                    <td class="cell-numeric">{row.counts.amber}</td>
                    <td class="cell-numeric">{row.counts.green}</td>
                    <td class="cell-numeric">{row.counts.notSet}</td>
                    <td class="cell-numeric">{total(row.counts)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableWrap>
      </Show>
    </section>
  );
}

function MissingRag(props: {
  missing: ReturnType<typeof councilQuery<Answer<Client["rag"]["missing"]>>>;
  base: string;
  month: string;
}) {
  const { format } = useCouncil();
  return (
    <section aria-labelledby="missing-heading" class={styles.section}>
      <h2 id="missing-heading">No RAG status for {format().month(props.month)}</h2>
      <Query query={props.missing} loading="Finding the contracts with no status…">
        {(found) => (
          <Show
            when={found().contracts.length > 0}
            fallback={<p class="empty">Every contract has a status for {format().month(found().month)}.</p>}
          >
            <TableWrap label="Contracts with no RAG status">
              <table class="table">
                <caption class="visually-hidden">
                  Contracts with no RAG status for the month, with their managers
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Contract</th>
                    <th scope="col">Contract manager</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={found().contracts}>
                    {(contract) => (
                      <tr>
                        <th scope="row">
                          <A href={`${props.base}/contracts/${contract.contractId}?tab=rag`}>
                            {contract.reference}
                          </A>
                          <span class="cell-meta">{contract.title}</span>
                        </th>
                        <td>{contract.manager?.name ?? "None named"}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
          </Show>
        )}
      </Query>
    </section>
  );
}

type DueRow = {
  key: string;
  contractId: string;
  reference: string;
  what: JSX.Element;
  dueOn: string | null;
  managerName: string | null;
};

function DueTable(props: {
  id: string;
  title: string;
  rows: DueRow[];
  empty: string;
  base: string;
  limit: number;
  /** The date column's heading: "Due", or "Opened" for the plans open. */
  dateHeading?: string;
}) {
  const { format } = useCouncil();
  return (
    <section aria-labelledby={`${props.id}-heading`} class={styles.section}>
      <h3 id={`${props.id}-heading`}>{props.title}</h3>
      <Show when={props.rows.length > 0} fallback={<p class="empty">{props.empty}</p>}>
        <TableWrap label={props.title}>
          <table class="table">
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">Contract</th>
                <th scope="col">What</th>
                <th scope="col">Contract manager</th>
                <th scope="col">{props.dateHeading ?? "Due"}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(row) => (
                  <tr>
                    <th scope="row">
                      <A href={`${props.base}/contracts/${row.contractId}`}>{row.reference}</A>
                    </th>
                    <td>{row.what}</td>
                    <td>{row.managerName ?? "None named"}</td>
                    <td class="cell-nowrap">{row.dueOn ? format().date(row.dueOn) : "—"}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableWrap>
        <Show when={props.rows.length >= props.limit}>
          <p class="hint">The first {props.limit}, soonest first.</p>
        </Show>
      </Show>
    </section>
  );
}

function DueLists(props: { board: Accessor<Board>; base: string }) {
  const { format } = useCouncil();
  const board = props.board;
  return (
    <section aria-labelledby="due-heading" class={styles.section}>
      <h2 id="due-heading">Plans, reviews and meetings</h2>
      <p>Reviews and meetings due by {format().date(board().dueBy)}, and those already past their date.</p>
      <DueTable
        id="plans-open"
        title="Improvement plans open"
        dateHeading="Opened"
        base={props.base}
        limit={board().listLimit}
        empty="No improvement plan is open."
        rows={board().improvementPlans.map((plan) => ({
          key: plan.id,
          contractId: plan.contractId,
          reference: plan.reference,
          what: (
            <>
              {plan.title}
              <Show when={plan.status === "escalated"}>
                <span class="tag tag--warning">Escalated to the SRO</span>
              </Show>
            </>
          ),
          dueOn: plan.openedOn,
          managerName: plan.managerName,
        }))}
      />
      <DueTable
        id="plan-reviews"
        title="Contract management plan reviews due"
        base={props.base}
        limit={board().listLimit}
        empty="No plan review is due."
        rows={board().planReviews.map((plan) => ({
          key: plan.contractId,
          contractId: plan.contractId,
          reference: plan.reference,
          what: "Review the contract management plan",
          dueOn: plan.dueOn,
          managerName: plan.managerName,
        }))}
      />
      <DueTable
        id="risk-reviews"
        title="Risk reviews due"
        base={props.base}
        limit={board().listLimit}
        empty="No risk review is due."
        rows={board().riskReviews.map((risk) => ({
          key: risk.id,
          contractId: risk.contractId,
          reference: risk.reference,
          what: `${risk.title} (score ${riskScore(risk.likelihood, risk.impact)})`,
          dueOn: risk.dueOn,
          managerName: risk.managerName,
        }))}
      />
      <DueTable
        id="meetings-due"
        title="Meetings due"
        base={props.base}
        limit={board().listLimit}
        empty="No meeting is due."
        rows={board().meetings.map((meeting) => ({
          key: meeting.id,
          contractId: meeting.contractId,
          reference: meeting.reference,
          what: (
            <>
              {meetingTypeLabels[meeting.type]}
              <Show when={meeting.overdue}>
                <span class="tag tag--warning">Not yet held</span>
              </Show>
            </>
          ),
          dueOn: meeting.dueOn,
          managerName: meeting.managerName,
        }))}
      />
    </section>
  );
}

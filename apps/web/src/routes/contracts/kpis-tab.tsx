import {
  firstOfMonth,
  formatKpiValue,
  kpiDataSourceLabels,
  kpiDirectionLabels,
  kpiFrequencyLabels,
  kpiUnitLabels,
  rateValue,
} from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { AttachmentsWhenOpened } from "../../components/attachments.tsx";
import { DisaggregationChart } from "../../components/charts/disaggregation-chart.tsx";
import { KpiTrendChart } from "../../components/charts/kpi-trend-chart.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Field } from "../../components/field.tsx";
import { RatingTag } from "../../components/kpi-rating.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { ContractDetail } from "./contract-detail.ts";
import { todayIso } from "./invoice-form.tsx";
import { KpiDutyPanel } from "./kpi-exemption.tsx";
import { KpiForm, type KpiListing } from "./kpi-form.tsx";
import { CorrectMeasurement, RecordMonth } from "./measurement-forms.tsx";
import { OpenImprovementPlan } from "./open-improvement-plan.tsx";
import { SupplierReturn } from "./supplier-return.tsx";

type Measurement = KpiListing["measurements"][number];

/**
 * Issue 8 §1–3, §12: the contract's KPIs, each measurement rated on the Contract Performance Notice scale
 * (PR24 reg 39(5)), the rating over the last twelve months (PA23 s.71), the trend and the breakdown charts,
 * bulk entry of a month and corrections that keep the earlier figures.
 */
export function KpisTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can } = useCouncil();
  const mutate = councilMutations();
  const contractId = () => props.detail.contract.id;
  const lastMonth = firstOfMonth(todayIso(), -1).slice(0, 7);
  // PA23 s.71(2): the twelve months assessed end with this month (YYYY-MM); by default last month.
  const [assessedTo, setAssessedTo] = createSignal(lastMonth);
  const assessedToProblem = () =>
    /^\d{4}-\d{2}$/.test(assessedTo()) && assessedTo() <= lastMonth
      ? undefined
      : "Choose a month that has ended.";
  const kpis = councilQuery(
    (procedures) =>
      procedures.kpis.list({
        contractId: contractId(),
        ...(assessedToProblem() || assessedTo() === lastMonth ? {} : { assessedTo: `${assessedTo()}-01` }),
      }),
    { keepPrevious: true },
  );
  const [adding, setAdding] = createSignal(false);
  const [editing, setEditing] = createSignal<KpiListing | null>(null);
  const [correcting, setCorrecting] = createSignal<{ kpi: KpiListing; measurement: Measurement } | null>(
    null,
  );
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const writable = () => can("performance:write") && !props.detail.contract.archivedAt;

  const archive = (kpi: KpiListing) =>
    setConfirmation({
      title: `Archive ${kpi.name}?`,
      description: (
        <p>
          It leaves this contract's KPIs and no longer counts towards its duties. Its{" "}
          {kpi.measurements.length}{" "}
          {kpi.measurements.length === 1 ? "measurement stays" : "measurements stay"} on record.
        </p>
      ),
      confirmLabel: "Archive the KPI",
      destructive: true,
      run: async () => {
        await mutate(
          (procedures) => procedures.kpis.archive({ kpiId: kpi.id, version: kpi.version }),
          ["kpis", "contracts"],
        );
        props.announce(`${kpi.name} is archived.`);
      },
    });

  return (
    <>
      <h2>KPIs</h2>
      <p class="hint">
        Each measurement is rated on the Contract Performance Notice scale (PR24 reg 39(5)): Good, Approaching
        target, Requires improvement, Inadequate or Other. The rating over the last twelve months is the
        assessment PA23 s.71 asks for at least once a year.
      </p>
      <KpiDutyPanel detail={props.detail} announce={props.announce} />
      <Query query={kpis} loading="Loading KPIs…">
        {(found) => (
          <>
            <Show
              when={found().kpis.length > 0}
              fallback={
                <p class="empty">
                  No KPIs are set for this contract. A public contract over £5 million needs at least three
                  (PA23 s.52).
                </p>
              }
            >
              <Field
                id="kpi-assessed-to"
                name="assessedTo"
                label="Rate the twelve months to"
                hint="PA23 s.71: an assessment against the KPIs at least every 12 months."
                type="month"
                class="input input--date"
                value={assessedTo()}
                onInput={(event) => setAssessedTo(event.currentTarget.value)}
                error={assessedToProblem()}
              />
              <KpiSummary kpis={found().kpis} period={found().period} />
            </Show>
            <Show when={writable()}>
              <div class="button-row">
                <button type="button" class="button button--secondary" onClick={() => setAdding(true)}>
                  Add a KPI
                </button>
              </div>
              <Show when={found().kpis.length > 0}>
                <RecordMonth
                  contractId={contractId()}
                  contractStart={props.detail.contract.startDate}
                  kpis={found().kpis}
                  onRecorded={props.announce}
                />
                <SupplierReturn contractId={contractId()} />
              </Show>
            </Show>
            <For each={found().kpis}>
              {(kpi) => (
                <KpiSection
                  kpi={kpi}
                  contractId={contractId()}
                  writable={writable()}
                  onEdit={() => setEditing(kpi)}
                  onArchive={() => archive(kpi)}
                  onCorrect={(measurement) => setCorrecting({ kpi, measurement })}
                />
              )}
            </For>
          </>
        )}
      </Query>
      <Show when={adding()}>
        <KpiForm
          contractId={contractId()}
          open
          onClose={() => setAdding(false)}
          onSaved={(name) => {
            setAdding(false);
            props.announce(`${name} is added.`);
          }}
        />
      </Show>
      <Show when={editing()} keyed>
        {(kpi) => (
          <KpiForm
            contractId={contractId()}
            kpi={kpi}
            open
            onClose={() => setEditing(null)}
            onSaved={(name) => {
              setEditing(null);
              props.announce(`${name} is saved.`);
            }}
          />
        )}
      </Show>
      <Show when={correcting()} keyed>
        {(target) => (
          <CorrectMeasurement
            kpi={target.kpi}
            measurement={target.measurement}
            onClose={() => setCorrecting(null)}
            onCorrected={(message) => {
              setCorrecting(null);
              props.announce(message);
            }}
          />
        )}
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}

function KpiSummary(props: { kpis: KpiListing[]; period: { from: string; to: string } }) {
  const { council, format } = useCouncil();
  return (
    <TableWrap label="KPIs table">
      <table class="table">
        <caption class="visually-hidden">This contract's KPIs, their latest rating and the year's</caption>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Target</th>
            <th scope="col">Latest</th>
            <th scope="col">Rating</th>
            <th scope="col">
              {format().month(props.period.from)} to {format().month(props.period.to)}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.kpis}>
            {(kpi) => {
              const latest = () => kpi.measurements[kpi.measurements.length - 1];
              return (
                <tr>
                  <th scope="row">
                    <a href={`#kpi-${kpi.id}`}>{kpi.name}</a>
                  </th>
                  <td class="cell-nowrap">
                    {formatKpiValue(kpi, kpi.target, council())}
                    <span class="cell-meta">{kpiDirectionLabels[kpi.direction]}</span>
                  </td>
                  <td class="cell-nowrap">
                    <Show when={latest()} fallback="Not measured">
                      {(measurement) => (
                        <>
                          {measurement().value === null
                            ? "—"
                            : formatKpiValue(kpi, measurement().value ?? 0, council())}
                          <span class="cell-meta">{format().month(measurement().periodStart)}</span>
                        </>
                      )}
                    </Show>
                  </td>
                  <td>
                    <Show when={latest()} fallback="—">
                      {(measurement) => <RatingTag rating={measurement().rating} />}
                    </Show>
                  </td>
                  <td>
                    <RatingTag rating={kpi.periodRating.rating} />
                    <span class="cell-meta">{kpi.periodRating.reasons.join(" ")}</span>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </TableWrap>
  );
}

function KpiSection(props: {
  kpi: KpiListing;
  contractId: string;
  writable: boolean;
  onEdit: () => void;
  onArchive: () => void;
  onCorrect: (measurement: Measurement) => void;
}) {
  const { council, format } = useCouncil();
  const kpi = () => props.kpi;
  const shown = (value: number | null) => (value === null ? "—" : formatKpiValue(kpi(), value, council()));
  const latest = () => kpi().measurements[kpi().measurements.length - 1];
  const latestWithParts = () =>
    [...kpi().measurements].reverse().find((measurement) => measurement.parts.length > 0);
  const headingId = () => `kpi-${kpi().id}-heading`;
  return (
    <section class="panel" id={`kpi-${kpi().id}`} aria-labelledby={headingId()}>
      <h3 id={headingId()}>{kpi().name}</h3>
      <p>{kpi().definition}</p>
      <dl class="summary-list summary-list--compact">
        <div class="summary-list__row">
          <dt>Target</dt>
          <dd>
            {shown(kpi().target)} ({kpiDirectionLabels[kpi().direction].toLocaleLowerCase()})
            <Show when={kpi().targetBy}>{(by) => <>, by {format().date(by())}</>}</Show>
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>Approaching target within</dt>
          <dd>{shown(kpi().tolerance)}</dd>
        </div>
        <Show when={kpi().inadequateAt !== null}>
          <div class="summary-list__row">
            <dt>Inadequate at</dt>
            <dd>{shown(kpi().inadequateAt)}</dd>
          </div>
        </Show>
        <Show when={kpi().baseline !== null}>
          <div class="summary-list__row">
            <dt>Baseline</dt>
            <dd>{shown(kpi().baseline)}</dd>
          </div>
        </Show>
        <div class="summary-list__row">
          <dt>Measured</dt>
          <dd>
            {kpiFrequencyLabels[kpi().frequency]}, {kpiUnitLabels[kpi().unit].toLocaleLowerCase()}; data from{" "}
            {kpiDataSourceLabels[kpi().dataSource].toLocaleLowerCase()}
            <Show when={kpi().published}>
              <span class="tag tag--quiet">Published (PA23 s.52)</span>
            </Show>
            <Show when={kpi().socialValue}>
              <span class="tag tag--quiet">Social value</span>
            </Show>
          </dd>
        </div>
      </dl>
      <Show when={props.writable}>
        <div class="button-row">
          <button type="button" class="button button--secondary button--small" onClick={props.onEdit}>
            Edit<span class="visually-hidden"> {kpi().name}</span>
          </button>
          <button type="button" class="button button--secondary button--small" onClick={props.onArchive}>
            Archive<span class="visually-hidden"> {kpi().name}</span>
          </button>
        </div>
      </Show>
      <Show when={latest()?.rating === "inadequate"}>
        <div class="notice notice--error">
          <p>
            {format().month(latest()?.periodStart ?? "")} is rated Inadequate: {latest()?.ratingReason}
          </p>
          <OpenImprovementPlan
            contractId={props.contractId}
            trigger="inadequate_kpi"
            kpiId={kpi().id}
            kpiName={kpi().name}
          />
        </div>
      </Show>
      <KpiTrendChart
        title={`${kpi().name}: trend against the target`}
        kpi={kpi()}
        points={kpi().measurements.map((measurement) => ({
          periodStart: measurement.periodStart,
          value: measurement.value,
          rating: measurement.rating,
        }))}
      />
      <Show when={latestWithParts()}>
        {(measurement) => (
          <>
            <h4>
              By {(kpi().breakdownLabel ?? "part").toLocaleLowerCase()},{" "}
              {format().month(measurement().periodStart)}
            </h4>
            <DisaggregationChart
              title={`${kpi().name} by ${(kpi().breakdownLabel ?? "part").toLocaleLowerCase()}, ${format().month(measurement().periodStart)}`}
              kpi={kpi()}
              parts={measurement().parts.map((part) => ({
                label: part.label,
                value: part.value,
                rating: rateValue(kpi(), part.value, council()).rating,
              }))}
            />
          </>
        )}
      </Show>
      <MeasurementsTable
        kpi={kpi()}
        contractId={props.contractId}
        writable={props.writable}
        onCorrect={props.onCorrect}
      />
    </section>
  );
}

/** The measurements table shows the latest six until asked for all (the chart shows them all). */
const recentRows = 6;

function MeasurementsTable(props: {
  kpi: KpiListing;
  contractId: string;
  writable: boolean;
  onCorrect: (measurement: Measurement) => void;
}) {
  const { council, format } = useCouncil();
  const [all, setAll] = createSignal(false);
  const newestFirst = () => {
    const rows = [...props.kpi.measurements].reverse();
    return all() ? rows : rows.slice(0, recentRows);
  };
  const shown = (value: number | null) =>
    value === null ? "—" : formatKpiValue(props.kpi, value, council());
  const count = new Intl.NumberFormat(council().locale);
  return (
    <Show when={props.kpi.measurements.length > 0} fallback={<p class="empty">No measurements yet.</p>}>
      <TableWrap label={`${props.kpi.name} measurements table`}>
        <table class="table">
          <caption class="visually-hidden">{props.kpi.name}: measurements, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" class="cell-numeric">
                Value
              </th>
              <th scope="col">Rating</th>
              <th scope="col">Entered</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={newestFirst()}>
              {(measurement) => (
                <tr>
                  <th scope="row" class="cell-nowrap">
                    {format().month(measurement.periodStart)}
                  </th>
                  <td class="cell-numeric cell-nowrap">
                    {shown(measurement.value)}
                    <Show when={measurement.numerator !== null && measurement.denominator !== null}>
                      <span class="cell-meta">
                        {count.format(measurement.numerator ?? 0)} of{" "}
                        {count.format(measurement.denominator ?? 0)}
                      </span>
                    </Show>
                  </td>
                  <td>
                    <RatingTag rating={measurement.rating} />
                    <span class="cell-meta">{measurement.ratingReason}</span>
                    <Show when={measurement.evidenceNote}>
                      {(note) => <span class="cell-meta">Evidence: {note()}</span>}
                    </Show>
                  </td>
                  <td>
                    {measurement.enteredByName}
                    <span class="cell-meta">{format().dateTime(String(measurement.enteredAt))}</span>
                  </td>
                  <td class="cell-actions">
                    <Show when={props.writable}>
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        onClick={() => props.onCorrect(measurement)}
                      >
                        Correct
                        <span class="visually-hidden">
                          {" "}
                          {props.kpi.name}, {format().month(measurement.periodStart)}
                        </span>
                      </button>
                    </Show>
                    <Show when={measurement.version > 1}>
                      <EarlierFigures kpi={props.kpi} measurement={measurement} />
                    </Show>
                    <AttachmentsWhenOpened
                      ownerType="measurement"
                      ownerId={measurement.id}
                      contractId={props.contractId}
                      title="Evidence files"
                      recordName={`${props.kpi.name}, ${format().month(measurement.periodStart)}`}
                    />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableWrap>
      <Show when={props.kpi.measurements.length > recentRows}>
        <button type="button" class="button button--secondary button--small" onClick={() => setAll(!all())}>
          {all() ? `Show the latest ${recentRows}` : `Show all ${props.kpi.measurements.length} measurements`}
          <span class="visually-hidden"> of {props.kpi.name}</span>
        </button>
      </Show>
    </Show>
  );
}

/** A corrected measurement's earlier figures, loaded when opened. */
function EarlierFigures(props: { kpi: KpiListing; measurement: Measurement }) {
  const [open, setOpen] = createSignal(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Earlier figures<span class="visually-hidden"> of {props.kpi.name}</span>
      </summary>
      <Show when={open()}>
        <HistoryList kpi={props.kpi} measurementId={props.measurement.id} />
      </Show>
    </details>
  );
}

function HistoryList(props: { kpi: KpiListing; measurementId: string }) {
  const { council, format } = useCouncil();
  const history = councilQuery((procedures) =>
    procedures.kpis.history({ measurementId: props.measurementId }),
  );
  return (
    <Query query={history} loading="Loading earlier figures…">
      {(entries) => (
        <ul class="link-list">
          <For each={entries()}>
            {(entry) => (
              <li>
                {entry.value === null ? "—" : formatKpiValue(props.kpi, entry.value, council())}{" "}
                <RatingTag rating={entry.rating} />, entered by {entry.enteredByName}; corrected by{" "}
                {entry.correctedByName} on {format().dateTime(String(entry.correctedAt))}:{" "}
                {entry.correctionReason}
              </li>
            )}
          </For>
        </ul>
      )}
    </Query>
  );
}

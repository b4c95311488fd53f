import { firstOfMonth, formatKpiValue, isPeriodStart, isRateUnit, readDecimalText } from "@steward/domain";
import { createMemo, createSignal, For, onCleanup, Show } from "solid-js";
import { createStore, type SetStoreFunction } from "solid-js/store";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission, FormProblem, type Submission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { RatingTag } from "../../components/kpi-rating.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations } from "../../council-query.ts";
import { todayIso } from "./invoice-form.tsx";
import type { KpiListing } from "./kpi-form.tsx";

type Measurement = KpiListing["measurements"][number];
type PartDraft = { label: string; value: string; numerator: string; denominator: string };
type FiguresDraft = {
  value: string;
  numerator: string;
  denominator: string;
  evidenceNote: string;
  parts: PartDraft[];
};

const text = (value: number | null) => (value === null ? "" : String(value));

function draftOf(kpi: KpiListing, measurement?: Measurement): FiguresDraft {
  if (measurement) {
    return {
      value: text(measurement.value),
      numerator: text(measurement.numerator),
      denominator: text(measurement.denominator),
      evidenceNote: measurement.evidenceNote ?? "",
      parts: measurement.parts.map((part) => ({
        label: part.label,
        value: text(part.value),
        numerator: text(part.numerator),
        denominator: text(part.denominator),
      })),
    };
  }
  // The last month's parts give this month's rows (the same regions, sites or groups), blank.
  const previous = kpi.measurements[kpi.measurements.length - 1];
  return {
    value: "",
    numerator: "",
    denominator: "",
    evidenceNote: "",
    parts: (previous?.parts ?? []).map((part) => ({
      label: part.label,
      value: "",
      numerator: "",
      denominator: "",
    })),
  };
}

const hasFigures = (part: PartDraft) =>
  [part.value, part.numerator, part.denominator].some((field) => field.trim() !== "");

/** Parts with no figures are not sent, so problems name a part by its place among those sent. */
function sentIndex(parts: PartDraft[], index: number): number {
  const part = parts[index];
  if (!part || !hasFigures(part)) return -1;
  return parts.slice(0, index).filter(hasFigures).length;
}

const isBlank = (draft: FiguresDraft) =>
  [draft.value, draft.numerator, draft.denominator, draft.evidenceNote].every(
    (field) => field.trim() === "",
  ) &&
  draft.parts.every((part) =>
    [part.value, part.numerator, part.denominator].every((field) => field.trim() === ""),
  );

/** The figures as the API takes them; a number that does not read becomes a field problem under `path`. */
function figuresOf(
  kpi: KpiListing,
  draft: FiguresDraft,
  path: string,
  problems: Record<string, string>,
  locale: string,
) {
  const number = (field: string, value: string) => {
    const reading = readDecimalText(value, locale);
    if (!reading.ok) problems[`${path}${field}`] = "Enter a number, like 95 or 2.5.";
    return reading.ok ? reading.value : null;
  };
  const rate = isRateUnit(kpi.unit);
  const numbers = (figures: { value: string; numerator: string; denominator: string }, prefix: string) =>
    rate
      ? {
          numerator: number(`${prefix}numerator`, figures.numerator),
          denominator: number(`${prefix}denominator`, figures.denominator),
        }
      : { value: number(`${prefix}value`, figures.value) };
  return {
    ...numbers(draft, ""),
    evidenceNote: draft.evidenceNote,
    parts: draft.parts
      .filter(hasFigures)
      .map((part, index) => ({ label: part.label, ...numbers(part, `parts.${index}.`) })),
  };
}

/** The inputs of one measurement's figures: a value, or a rate's numerator and denominator; parts; evidence. */
function FiguresFields(props: {
  kpi: KpiListing;
  draft: FiguresDraft;
  setDraft: SetStoreFunction<FiguresDraft>;
  idPrefix: string;
  error: (field: string) => string | undefined;
}) {
  const rate = () => isRateUnit(props.kpi.unit);
  const id = (field: string) => `${props.idPrefix}-${field}`;
  return (
    <>
      <Show
        when={rate()}
        fallback={
          <Field
            id={id("value")}
            name="value"
            label={`Value${props.kpi.unitLabel ? ` (${props.kpi.unitLabel})` : ""}`}
            class="input input--short"
            inputmode="decimal"
            value={props.draft.value}
            onInput={(e) => props.setDraft("value", e.currentTarget.value)}
            error={props.error("value")}
          />
        }
      >
        <div class="field-grid">
          <Field
            id={id("numerator")}
            name="numerator"
            label={props.kpi.numeratorLabel ?? "Number counted"}
            class="input input--short"
            inputmode="decimal"
            value={props.draft.numerator}
            onInput={(e) => props.setDraft("numerator", e.currentTarget.value)}
            error={props.error("numerator")}
          />
          <Field
            id={id("denominator")}
            name="denominator"
            label={props.kpi.denominatorLabel ?? "Out of"}
            class="input input--short"
            inputmode="decimal"
            value={props.draft.denominator}
            onInput={(e) => props.setDraft("denominator", e.currentTarget.value)}
            error={props.error("denominator")}
          />
        </div>
      </Show>
      <Show when={props.kpi.breakdownLabel}>
        {(breakdown) => (
          <fieldset class="fieldset">
            <legend class="label">By {breakdown().toLocaleLowerCase()} (optional)</legend>
            <p class="hint">
              {isRateUnit(props.kpi.unit) || props.kpi.unit === "count" || props.kpi.unit === "money"
                ? "The parts must add up to the total."
                : "Averages do not add up, so the parts are kept beside the total."}
            </p>
            <Show when={props.error("parts")}>
              <p class="field-error" id={id("parts-error")}>
                <span class="visually-hidden">Error: </span>
                {props.error("parts")}
              </p>
            </Show>
            <For each={props.draft.parts}>
              {(part, index) => (
                <div class="field-grid">
                  <Field
                    id={id(`part-${index()}-label`)}
                    name="partLabel"
                    label={breakdown()}
                    class="input input--short"
                    value={part.label}
                    onInput={(e) => props.setDraft("parts", index(), "label", e.currentTarget.value)}
                    error={props.error(`parts.${sentIndex(props.draft.parts, index())}.label`)}
                  />
                  <Show
                    when={rate()}
                    fallback={
                      <Field
                        id={id(`part-${index()}-value`)}
                        name="partValue"
                        label={`Value for ${part.label || "this part"}`}
                        class="input input--short"
                        inputmode="decimal"
                        value={part.value}
                        onInput={(e) => props.setDraft("parts", index(), "value", e.currentTarget.value)}
                        error={props.error(`parts.${sentIndex(props.draft.parts, index())}.value`)}
                      />
                    }
                  >
                    <Field
                      id={id(`part-${index()}-numerator`)}
                      name="partNumerator"
                      label={`Counted in ${part.label || "this part"}`}
                      class="input input--short"
                      inputmode="decimal"
                      value={part.numerator}
                      onInput={(e) => props.setDraft("parts", index(), "numerator", e.currentTarget.value)}
                      error={props.error(`parts.${sentIndex(props.draft.parts, index())}.numerator`)}
                    />
                    <Field
                      id={id(`part-${index()}-denominator`)}
                      name="partDenominator"
                      label={`Out of, in ${part.label || "this part"}`}
                      class="input input--short"
                      inputmode="decimal"
                      value={part.denominator}
                      onInput={(e) => props.setDraft("parts", index(), "denominator", e.currentTarget.value)}
                      error={props.error(`parts.${sentIndex(props.draft.parts, index())}.denominator`)}
                    />
                  </Show>
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    onClick={() =>
                      props.setDraft("parts", (parts) => parts.filter((_, at) => at !== index()))
                    }
                  >
                    Remove<span class="visually-hidden"> {part.label || `part ${index() + 1}`}</span>
                  </button>
                </div>
              )}
            </For>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() =>
                props.setDraft("parts", (parts) => [
                  ...parts,
                  { label: "", value: "", numerator: "", denominator: "" },
                ])
              }
            >
              Add a {breakdown().toLocaleLowerCase()}
              <span class="visually-hidden"> for {props.kpi.name}</span>
            </button>
          </fieldset>
        )}
      </Show>
      <TextareaField
        id={id("evidence")}
        name="evidenceNote"
        label="Evidence (optional)"
        hint="Where the figures come from: the supplier's return, a site check, a survey."
        rows={2}
        value={props.draft.evidenceNote}
        onInput={(e) => props.setDraft("evidenceNote", e.currentTarget.value)}
        error={props.error("evidenceNote")}
      />
    </>
  );
}

/**
 * Issue 8 §2: bulk entry of one month across the contract's KPIs due that month. KPIs left blank are not
 * sent; the month is saved all or nothing.
 */
export function RecordMonth(props: {
  contractId: string;
  contractStart: string | null;
  kpis: KpiListing[];
  onRecorded: (message: string) => void;
}) {
  const { council, format } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [month, setMonth] = createSignal(firstOfMonth(todayIso(), -1).slice(0, 7));
  const periodStart = () => `${month()}-01`;
  const due = createMemo(() =>
    /^\d{4}-\d{2}$/.test(month())
      ? props.kpis.filter((kpi) => isPeriodStart(kpi.frequency, props.contractStart, periodStart()))
      : [],
  );
  const recordedFor = (kpi: KpiListing) => kpi.measurements.find((m) => m.periodStart === periodStart());
  const open = () => due().filter((kpi) => !recordedFor(kpi));
  /** Each shown KPI's inputs, registered by its entry while it is on the page. */
  const entries = new Map<string, { draft: FiguresDraft; reset: () => void }>();
  const draft = (kpi: KpiListing) => entries.get(kpi.id)?.draft ?? draftOf(kpi);
  const fieldIds = () => {
    const ids: Record<string, string> = { periodStart: "record-month" };
    open().forEach((kpi, index) => {
      for (const field of ["value", "numerator", "denominator", "evidenceNote"]) {
        ids[`entries.${index}.${field}`] =
          `record-${kpi.id}-${field === "evidenceNote" ? "evidence" : field}`;
      }
      ids[`entries.${index}.parts`] = `record-${kpi.id}-parts-error`;
    });
    return ids;
  };

  const save = async () => {
    const sent = open().filter((kpi) => !isBlank(draft(kpi)));
    const result = await submission.submit(() => {
      if (sent.length === 0) {
        throw new FormProblem("Enter the figures of at least one KPI.", {});
      }
      const problems: Record<string, string> = {};
      const entries = sent.map((kpi) => {
        const index = open().indexOf(kpi);
        return {
          kpiId: kpi.id,
          ...figuresOf(kpi, draft(kpi), `entries.${index}.`, problems, council().locale),
        };
      });
      if (Object.keys(problems).length > 0) {
        throw new FormProblem("Some answers need correcting: see the marked fields.", problems);
      }
      return mutate(
        (procedures) =>
          procedures.kpis.recordMonth({
            contractId: props.contractId,
            periodStart: periodStart(),
            entries,
            idempotencyKey: key.current(),
          }),
        ["kpis", "contracts", "rag"],
      );
    });
    if (!result.ok) return;
    key.renew();
    for (const kpi of sent) entries.get(kpi.id)?.reset();
    props.onRecorded(
      `${format().month(periodStart())} is recorded for ${sent.length} ${sent.length === 1 ? "KPI" : "KPIs"}.`,
    );
  };

  // Field errors name entries by their place among the KPIs shown; map each KPI's fields to them.
  const errorFor = (kpi: KpiListing, problem: Submission) => (field: string) =>
    problem.fieldError(`entries.${open().indexOf(kpi)}.${field}`);

  return (
    <section class="panel" aria-labelledby="record-month-heading">
      <h3 id="record-month-heading">Record a month</h3>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds()} />}
      </Show>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field
          id="record-month"
          name="month"
          label="Month"
          type="month"
          class="input input--date"
          value={month()}
          onInput={(e) => setMonth(e.currentTarget.value)}
          error={submission.fieldError("periodStart")}
        />
        <Show
          when={due().length > 0}
          fallback={<p class="empty">No KPI of this contract is measured for this month.</p>}
        >
          <For each={due()}>
            {(kpi) => (
              <fieldset class="fieldset">
                <legend class="label">{kpi.name}</legend>
                <Show
                  when={recordedFor(kpi)}
                  fallback={
                    <MonthEntry
                      kpi={kpi}
                      register={(entry) => entries.set(kpi.id, entry)}
                      unregister={() => entries.delete(kpi.id)}
                      error={errorFor(kpi, submission)}
                    />
                  }
                >
                  {(measurement) => (
                    <p>
                      Already recorded:{" "}
                      {measurement().value === null
                        ? "no value"
                        : formatKpiValue(kpi, measurement().value ?? 0, council())}{" "}
                      <RatingTag rating={measurement().rating} />. Correct it in the KPI's table below.
                    </p>
                  )}
                </Show>
              </fieldset>
            )}
          </For>
          <Show when={open().length > 0}>
            <div class="button-row">
              <button type="submit" class="button" disabled={submission.pending()}>
                {submission.pending() ? "Saving…" : `Save ${format().month(periodStart())}`}
              </button>
            </div>
          </Show>
        </Show>
      </form>
    </section>
  );
}

/** One KPI's inputs in the month's form, with their own draft. */
function MonthEntry(props: {
  kpi: KpiListing;
  register: (entry: { draft: FiguresDraft; reset: () => void }) => void;
  unregister: () => void;
  error: (field: string) => string | undefined;
}) {
  const [draft, setDraft] = createStore(draftOf(props.kpi));
  props.register({ draft, reset: () => setDraft(draftOf(props.kpi)) });
  onCleanup(props.unregister);
  return (
    <FiguresFields
      kpi={props.kpi}
      draft={draft}
      setDraft={setDraft}
      idPrefix={`record-${props.kpi.id}`}
      error={props.error}
    />
  );
}

/** Corrects a measurement; the earlier figures are kept in its history with the reason. */
export function CorrectMeasurement(props: {
  kpi: KpiListing;
  measurement: Measurement;
  onClose: () => void;
  onCorrected: (message: string) => void;
}) {
  const { council, format } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const [draft, setDraft] = createStore(draftOf(props.kpi, props.measurement));
  const [reason, setReason] = createSignal("");
  const idPrefix = "correct";
  const fieldIds: Record<string, string> = {
    value: "correct-value",
    numerator: "correct-numerator",
    denominator: "correct-denominator",
    parts: "correct-parts-error",
    evidenceNote: "correct-evidence",
    reason: "correct-reason",
  };
  const save = async () => {
    const result = await submission.submit(() => {
      const problems: Record<string, string> = {};
      const figures = figuresOf(props.kpi, draft, "", problems, council().locale);
      if (Object.keys(problems).length > 0) {
        throw new FormProblem("Some answers need correcting: see the marked fields.", problems);
      }
      return mutate(
        (procedures) =>
          procedures.kpis.correct({
            measurementId: props.measurement.id,
            version: props.measurement.version,
            ...figures,
            reason: reason(),
          }),
        ["kpis", "contracts", "rag"],
      );
    });
    if (!result.ok) return;
    props.onCorrected(`${props.kpi.name} for ${format().month(props.measurement.periodStart)} is corrected.`);
  };
  return (
    <FormDialog
      title={`Correct ${props.kpi.name}, ${format().month(props.measurement.periodStart)}`}
      open
      onClose={props.onClose}
      submission={submission}
      fieldIds={fieldIds}
      onSubmit={() => void save()}
      submitLabel="Save the correction"
      intro={
        <p class="hint">The figures now recorded are kept in the measurement's history, with your reason.</p>
      }
    >
      <FiguresFields
        kpi={props.kpi}
        draft={draft}
        setDraft={setDraft}
        idPrefix={idPrefix}
        error={(field) => submission.fieldError(field)}
      />
      <TextareaField
        id="correct-reason"
        name="reason"
        label="Why the figures are corrected"
        rows={2}
        value={reason()}
        onInput={(e) => setReason(e.currentTarget.value)}
        error={submission.fieldError("reason")}
      />
    </FormDialog>
  );
}

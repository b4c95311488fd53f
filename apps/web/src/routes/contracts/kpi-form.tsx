import {
  isRateUnit,
  type KpiDataSource,
  type KpiDirection,
  type KpiFrequency,
  type KpiUnit,
  kpiDataSourceLabels,
  kpiDataSources,
  kpiDirectionLabels,
  kpiDirections,
  kpiFrequencies,
  kpiFrequencyLabels,
  kpiUnitLabels,
  kpiUnits,
  readDecimalText,
  suggestTemplates,
} from "@steward/domain";
import { createMemo, createSignal, For, Show } from "solid-js";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import type { Answer, Client } from "../../trpc.ts";

export type KpiListing = Answer<Client["kpis"]["list"]>["kpis"][number];

const fieldIds: Record<string, string> = {
  "kpi.name": "kpi-name",
  "kpi.definition": "kpi-definition",
  "kpi.unit": "kpi-unit-trigger",
  "kpi.unitLabel": "kpi-unit-label",
  "kpi.numeratorLabel": "kpi-numerator-label",
  "kpi.denominatorLabel": "kpi-denominator-label",
  "kpi.direction": "kpi-direction-trigger",
  "kpi.target": "kpi-target",
  "kpi.tolerance": "kpi-tolerance",
  "kpi.inadequateAt": "kpi-inadequate",
  "kpi.baseline": "kpi-baseline",
  "kpi.targetBy": "kpi-target-by",
  "kpi.frequency": "kpi-frequency-trigger",
  "kpi.dataSource": "kpi-data-source-trigger",
  "kpi.breakdownLabel": "kpi-breakdown",
  "kpi.templateId": "kpi-template-trigger",
};

/** The library choice that links nothing. */
const notLinked = "none";

const choices = <V extends string>(values: readonly V[], labels: Record<V, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

const shownNumber = (value: number | null) => (value === null ? "" : String(value));

/** Adds a KPI to a contract, or edits one (issue 8 §1: SMART fields, how it is rated, how often). */
export function KpiForm(props: {
  contractId: string;
  /** The KPI being edited; absent to add one. */
  kpi?: KpiListing;
  open: boolean;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { council } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const existing = props.kpi;
  const [name, setName] = createSignal(existing?.name ?? "");
  const [definition, setDefinition] = createSignal(existing?.definition ?? "");
  const [unit, setUnit] = createSignal<KpiUnit | null>(existing?.unit ?? null);
  const [unitLabel, setUnitLabel] = createSignal(existing?.unitLabel ?? "");
  const [numeratorLabel, setNumeratorLabel] = createSignal(existing?.numeratorLabel ?? "");
  const [denominatorLabel, setDenominatorLabel] = createSignal(existing?.denominatorLabel ?? "");
  const [direction, setDirection] = createSignal<KpiDirection | null>(existing?.direction ?? null);
  const [target, setTarget] = createSignal(shownNumber(existing?.target ?? null));
  const [tolerance, setTolerance] = createSignal(shownNumber(existing?.tolerance ?? 0));
  const [inadequateAt, setInadequateAt] = createSignal(shownNumber(existing?.inadequateAt ?? null));
  const [baseline, setBaseline] = createSignal(shownNumber(existing?.baseline ?? null));
  const [targetBy, setTargetBy] = createSignal(existing?.targetBy ?? "");
  const [frequency, setFrequency] = createSignal<KpiFrequency>(existing?.frequency ?? "monthly");
  const [dataSource, setDataSource] = createSignal<KpiDataSource>(existing?.dataSource ?? "supplier");
  const [breakdownLabel, setBreakdownLabel] = createSignal(existing?.breakdownLabel ?? "");
  const [published, setPublished] = createSignal(existing?.published ?? false);
  const [socialValue, setSocialValue] = createSignal(existing?.socialValue ?? false);
  const [templateId, setTemplateId] = createSignal<string>(existing?.templateId ?? notLinked);
  const error = (field: string) => submission.fieldError(`kpi.${field}`);
  // Issue 9 §2: the library KPI this one measures, suggested from its name and unit; the person chooses.
  const library = councilQuery((procedures) => procedures.kpiLibrary.list());
  const templateChoices = createMemo(() => {
    const found = answer(library);
    const categories = new Map((found?.categories ?? []).map((category) => [category.id, category.name]));
    return [
      { value: notLinked, label: "Not linked to the library" },
      ...(found?.templates ?? []).map((template) => ({
        value: template.id,
        label: `${template.name} (${categories.get(template.categoryId) ?? "library"})`,
      })),
    ];
  });
  const suggested = createMemo(() => {
    const chosenUnit = unit();
    const templates = answer(library)?.templates ?? [];
    if (templateId() !== notLinked || chosenUnit === null || name().trim() === "") return [];
    return suggestTemplates({ name: name(), unit: chosenUnit }, templates);
  });

  const save = async () => {
    const result = await submission.submit(async (): Promise<unknown> => {
      const problems: Record<string, string> = {};
      const number = (field: string, text: string) => {
        const reading = readDecimalText(text, council().locale);
        if (!reading.ok) problems[`kpi.${field}`] = "Enter a number, like 95 or 2.5.";
        return reading.ok ? reading.value : null;
      };
      const values = {
        target: number("target", target()),
        tolerance: number("tolerance", tolerance()) ?? 0,
        inadequateAt: number("inadequateAt", inadequateAt()),
        baseline: number("baseline", baseline()),
      };
      const chosenUnit = unit();
      const chosenDirection = direction();
      if (chosenUnit === null) problems["kpi.unit"] = "Choose the unit.";
      if (chosenDirection === null) problems["kpi.direction"] = "Say whether higher or lower is better.";
      if (values.target === null) problems["kpi.target"] = "Enter the target.";
      if (
        Object.keys(problems).length > 0 ||
        chosenUnit === null ||
        chosenDirection === null ||
        values.target === null
      ) {
        throw new FormProblem("Some answers need correcting: see the marked fields.", problems);
      }
      const kpi = {
        name: name(),
        definition: definition(),
        unit: chosenUnit,
        unitLabel: unitLabel(),
        numeratorLabel: numeratorLabel(),
        denominatorLabel: denominatorLabel(),
        direction: chosenDirection,
        ...values,
        target: values.target,
        targetBy: targetBy() || null,
        frequency: frequency(),
        dataSource: dataSource(),
        breakdownLabel: breakdownLabel(),
        published: published(),
        socialValue: socialValue(),
        templateId: templateId() === notLinked ? null : templateId(),
      };
      return existing
        ? mutate(
            (procedures) => procedures.kpis.update({ kpiId: existing.id, version: existing.version, kpi }),
            ["kpis", "contracts"],
          )
        : mutate(
            (procedures) =>
              procedures.kpis.create({ contractId: props.contractId, kpi, idempotencyKey: key.current() }),
            ["kpis", "contracts"],
          );
    });
    if (!result.ok) return;
    key.renew();
    props.onSaved(name().trim());
  };

  return (
    <FormDialog
      title={existing ? `Edit ${existing.name}` : "Add a KPI"}
      open={props.open}
      onClose={props.onClose}
      submission={submission}
      fieldIds={fieldIds}
      onSubmit={() => void save()}
      submitLabel={existing ? "Save KPI" : "Add KPI"}
      intro={
        <p class="hint">
          SMART (004 §10): say what is measured and how, the target and by when. Ratings follow the Contract
          Performance Notice scale (PR24 reg 39(5)).
        </p>
      }
    >
      <Field
        id="kpi-name"
        name="name"
        label="What is measured"
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
        error={error("name")}
      />
      <TextareaField
        id="kpi-definition"
        name="definition"
        label="How it is measured"
        hint="What counts and what does not, so the supplier and the council count the same thing."
        value={definition()}
        onInput={(e) => setDefinition(e.currentTarget.value)}
        error={error("definition")}
      />
      <div class="field-grid">
        <ChoiceSelect
          id="kpi-unit"
          label="Unit"
          choices={choices(kpiUnits, kpiUnitLabels)}
          value={unit()}
          onChange={setUnit}
          error={error("unit")}
          inDialog
        />
        <ChoiceSelect
          id="kpi-direction"
          label="Better is"
          choices={choices(kpiDirections, kpiDirectionLabels)}
          value={direction()}
          onChange={setDirection}
          error={error("direction")}
          inDialog
        />
      </div>
      <ChoiceSelect
        id="kpi-template"
        label="KPI library (for benchmarking)"
        hint="Link it to the library KPI it measures, so it can be compared with other councils."
        choices={templateChoices()}
        value={templateId()}
        onChange={setTemplateId}
        error={error("templateId")}
        inDialog
      />
      <Show when={suggested().length > 0}>
        <div class="hint">
          Suggested from its name and unit:{" "}
          <For each={suggested()}>
            {(template) => (
              <button
                type="button"
                class="button button--secondary"
                onClick={() => setTemplateId(template.id)}
              >
                Use {template.name}
              </button>
            )}
          </For>
        </div>
      </Show>
      <Show when={unit() === "other"}>
        <Field
          id="kpi-unit-label"
          name="unitLabel"
          label="Name of the unit"
          hint="For example: kg per household a year"
          value={unitLabel()}
          onInput={(e) => setUnitLabel(e.currentTarget.value)}
          error={error("unitLabel")}
        />
      </Show>
      <Show when={unit() !== null && isRateUnit(unit() ?? "count")}>
        <p class="hint">
          A rate is worked out from the actual numbers, which are entered each period (004 §10).
        </p>
        <div class="field-grid">
          <Field
            id="kpi-numerator-label"
            name="numeratorLabel"
            label="What the numerator counts (optional)"
            hint="For example: repairs completed on time"
            value={numeratorLabel()}
            onInput={(e) => setNumeratorLabel(e.currentTarget.value)}
            error={error("numeratorLabel")}
          />
          <Field
            id="kpi-denominator-label"
            name="denominatorLabel"
            label="What the denominator counts (optional)"
            hint="For example: repairs completed"
            value={denominatorLabel()}
            onInput={(e) => setDenominatorLabel(e.currentTarget.value)}
            error={error("denominatorLabel")}
          />
        </div>
      </Show>
      <div class="field-grid">
        <Field
          id="kpi-target"
          name="target"
          label="Target"
          class="input input--short"
          inputmode="decimal"
          value={target()}
          onInput={(e) => setTarget(e.currentTarget.value)}
          error={error("target")}
        />
        <Field
          id="kpi-tolerance"
          name="tolerance"
          label="Approaching target within"
          hint="How far short of the target still counts as close, in the KPI's unit"
          class="input input--short"
          inputmode="decimal"
          value={tolerance()}
          onInput={(e) => setTolerance(e.currentTarget.value)}
          error={error("tolerance")}
        />
        <Field
          id="kpi-inadequate"
          name="inadequateAt"
          label="Inadequate at (optional)"
          hint="At or beyond this level performance is significantly below the KPI"
          class="input input--short"
          inputmode="decimal"
          value={inadequateAt()}
          onInput={(e) => setInadequateAt(e.currentTarget.value)}
          error={error("inadequateAt")}
        />
      </div>
      <div class="field-grid">
        <Field
          id="kpi-baseline"
          name="baseline"
          label="Baseline (optional)"
          class="input input--short"
          inputmode="decimal"
          value={baseline()}
          onInput={(e) => setBaseline(e.currentTarget.value)}
          error={error("baseline")}
        />
        <Field
          id="kpi-target-by"
          name="targetBy"
          label="Target to be met by (optional)"
          type="date"
          class="input input--date"
          value={targetBy()}
          onInput={(e) => setTargetBy(e.currentTarget.value)}
          error={error("targetBy")}
        />
      </div>
      <div class="field-grid">
        <ChoiceSelect
          id="kpi-frequency"
          label="Measured"
          choices={choices(kpiFrequencies, kpiFrequencyLabels)}
          value={frequency()}
          onChange={setFrequency}
          error={error("frequency")}
          inDialog
        />
        <ChoiceSelect
          id="kpi-data-source"
          label="Data from"
          choices={choices(kpiDataSources, kpiDataSourceLabels)}
          value={dataSource()}
          onChange={setDataSource}
          error={error("dataSource")}
          inDialog
        />
      </div>
      <Field
        id="kpi-breakdown"
        name="breakdownLabel"
        label="Broken down by (optional)"
        hint="For example: Region. Each measurement can then give its parts, which add up to the total."
        value={breakdownLabel()}
        onInput={(e) => setBreakdownLabel(e.currentTarget.value)}
        error={error("breakdownLabel")}
      />
      <CheckboxField
        id="kpi-published"
        label="Published KPI (PA23 s.52: in the Contract Details Notice)"
        checked={published()}
        onChange={setPublished}
      />
      <CheckboxField
        id="kpi-social-value"
        label="Measures social value (004 §11.1)"
        checked={socialValue()}
        onChange={setSocialValue}
      />
    </FormDialog>
  );
}

import {
  roleLabels,
  type TenantSettings,
  trainingEnforcementLabels,
  trainingEnforcements,
} from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { moneyText, readMoneyText } from "../../components/money.ts";
import { MoneyField } from "../../components/money-field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { RadioGroup } from "../../components/radio-group.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";

const thresholds = [
  ["highAnnualMinor", "High tier: value per year over"],
  ["mediumAnnualMinor", "Medium tier: value per year from"],
  ["highCapitalMinor", "High tier: capital value over"],
  ["mediumCapitalMinor", "Medium tier: capital value from"],
] as const;

const fieldIds: Record<string, string> = {
  ...Object.fromEntries(thresholds.map(([key]) => [`settings.tiering.${key}`, `setting-${key}`])),
  "settings.dueSoonDays": "setting-due-soon",
  "settings.ragDueDay": "setting-rag-day",
};

/**
 * `/t/:slug/settings`: the council's tiering thresholds (004 §4), scheme of delegation for changes and the
 * obligation reminders. Every member can read them; only an admin changes them.
 */
export function CouncilSettings() {
  const { council, can } = useCouncil();
  const current = councilQuery((procedures) => procedures.council.get());
  return (
    <>
      <PageHeading title="Council settings" caption={council().name} />
      <Query query={current} loading="Loading the settings…">
        {(found) => <SettingsForm settings={found().settings} editable={can("settings:manage")} />}
      </Query>
    </>
  );
}

function SettingsForm(props: { settings: TenantSettings; editable: boolean }) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const [saved, setSaved] = createSignal(false);
  const [tiering, setTiering] = createSignal(
    Object.fromEntries(thresholds.map(([key]) => [key, moneyText(props.settings.tiering[key])])) as Record<
      (typeof thresholds)[number][0],
      string
    >,
  );
  const [limits, setLimits] = createSignal(
    props.settings.delegation.map((entry) => moneyText(entry.upToMinor)),
  );
  const [dueSoonDays, setDueSoonDays] = createSignal(String(props.settings.dueSoonDays));
  const [ragDueDay, setRagDueDay] = createSignal(String(props.settings.ragDueDay));
  const [trainingEnforcement, setTrainingEnforcement] = createSignal(props.settings.trainingEnforcement);

  const submit = async () => {
    setSaved(false);
    const result = await submission.submit(async () => {
      const problems: Record<string, string> = {};
      const minor = (name: string, text: string) => {
        const reading = readMoneyText(text);
        if (!reading.ok || reading.minor === null || reading.minor <= 0) {
          problems[name] = reading.ok ? "Enter an amount above zero." : reading.message;
          return 0;
        }
        return reading.minor;
      };
      const settings: TenantSettings = {
        ...props.settings,
        tiering: {
          highAnnualMinor: minor("settings.tiering.highAnnualMinor", tiering().highAnnualMinor),
          mediumAnnualMinor: minor("settings.tiering.mediumAnnualMinor", tiering().mediumAnnualMinor),
          highCapitalMinor: minor("settings.tiering.highCapitalMinor", tiering().highCapitalMinor),
          mediumCapitalMinor: minor("settings.tiering.mediumCapitalMinor", tiering().mediumCapitalMinor),
        },
        delegation: props.settings.delegation.map((entry, index) => {
          const text = limits()[index] ?? "";
          return { role: entry.role, upToMinor: text.trim() === "" ? null : minor(`limit-${index}`, text) };
        }),
        dueSoonDays: Number(dueSoonDays()),
        ragDueDay: Number(ragDueDay()),
        trainingEnforcement: trainingEnforcement(),
      };
      if (Object.keys(problems).length > 0)
        throw new FormProblem("Some answers need correcting: see the marked fields.", problems);
      return mutate((procedures) => procedures.council.updateSettings({ settings }), ["council"]);
    });
    if (!result.ok) return;
    setSaved(true);
  };

  return (
    <>
      <Show when={submission.problem()} keyed>
        {(problem) => (
          <ErrorSummary
            problem={problem}
            fieldIds={{
              ...fieldIds,
              ...Object.fromEntries(limits().map((_, index) => [`limit-${index}`, `limit-${index}`])),
            }}
          />
        )}
      </Show>
      <p role="status" aria-live="polite">
        {saved() ? "Settings saved. New and edited contracts are tiered by these thresholds." : ""}
      </p>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset class="fieldset" disabled={!props.editable}>
          <legend class="fieldset__legend">Tiering thresholds (004 §4)</legend>
          <p class="hint">
            A contract is High above the High amounts or when the council relies on it for a corporate
            priority or a key public service; Medium from the Medium amounts up to the High ones; Low below.
          </p>
          <div class="field-grid">
            <For each={thresholds}>
              {([key, label]) => (
                <MoneyField
                  id={`setting-${key}`}
                  name={key}
                  label={label}
                  value={tiering()[key]}
                  onInput={(event) => {
                    const value = event.currentTarget.value;
                    setTiering((previous) => ({ ...previous, [key]: value }));
                  }}
                  error={submission.fieldError(`settings.tiering.${key}`)}
                />
              )}
            </For>
          </div>
        </fieldset>
        <fieldset class="fieldset" disabled={!props.editable}>
          <legend class="fieldset__legend">Scheme of delegation for contract changes</legend>
          <p class="hint">
            A change is approved by the first role whose limit covers its value. Leave a limit blank for no
            limit. Council admins can always approve.
          </p>
          <For each={props.settings.delegation}>
            {(entry, index) => (
              <MoneyField
                id={`limit-${index()}`}
                name={`limit-${index()}`}
                label={`${roleLabels[entry.role]} approves changes up to`}
                value={limits()[index()] ?? ""}
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  setLimits((previous) => previous.map((limit, at) => (at === index() ? value : limit)));
                }}
                error={submission.fieldError(`limit-${index()}`)}
              />
            )}
          </For>
        </fieldset>
        <fieldset class="fieldset" disabled={!props.editable}>
          <legend class="fieldset__legend">Reminders</legend>
          <div class="field-grid">
            <Field
              id="setting-due-soon"
              name="dueSoonDays"
              label="An obligation is due soon this many days ahead"
              type="number"
              class="input input--short"
              value={dueSoonDays()}
              onInput={(event) => setDueSoonDays(event.currentTarget.value)}
              error={submission.fieldError("settings.dueSoonDays")}
            />
            <Field
              id="setting-rag-day"
              name="ragDueDay"
              label="Last month's RAG status is due by this day of the month"
              type="number"
              class="input input--short"
              value={ragDueDay()}
              onInput={(event) => setRagDueDay(event.currentTarget.value)}
              error={submission.fieldError("settings.ragDueDay")}
            />
          </div>
        </fieldset>
        <fieldset class="fieldset" disabled={!props.editable}>
          <legend class="fieldset__legend">Training</legend>
          <RadioGroup
            name="training-enforcement"
            legend="When a contract goes to a manager without the training contract managers need"
            choices={trainingEnforcements.map((value) => ({
              value,
              label: trainingEnforcementLabels[value],
            }))}
            value={trainingEnforcement()}
            onChange={setTrainingEnforcement}
          />
        </fieldset>
        <Show
          when={props.editable}
          fallback={<p class="hint">Only a council admin can change these settings.</p>}
        >
          <button type="submit" class="button" disabled={submission.pending()}>
            {submission.pending() ? "Saving…" : "Save settings"}
          </button>
        </Show>
      </form>
    </>
  );
}

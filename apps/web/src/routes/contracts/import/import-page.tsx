import { A } from "@solidjs/router";
import type { ImportableField } from "@steward/domain";
import { createEffect, createSignal, Match, on, onCleanup, Show, Switch } from "solid-js";
import { createSubmission } from "../../../components/forms.ts";
import { createIdempotencyKey } from "../../../components/idempotency.ts";
import { PageHeading } from "../../../components/page-heading.tsx";
import { useCouncil } from "../../../council.tsx";
import { councilMutations } from "../../../council-query.ts";
import { describeProblem } from "../../../trpc.ts";
import { ManagerTrainingWarnings } from "../../training/manager-training-notice.tsx";
import { registerHref } from "../register-query.ts";
import { ChooseFile } from "./choose-file.tsx";
import { ColumnMapping } from "./column-mapping.tsx";
import { ImportPreview } from "./import-preview.tsx";
import type { ChosenFile, ImportResult, Mapping, Preview } from "./import-types.ts";

type Step = "file" | "mapping" | "preview" | "importing" | "done";

const stepTitles: Record<Step, string> = {
  file: "Step 1 of 3: choose the file",
  mapping: "Step 2 of 3: match the columns",
  preview: "Step 3 of 3: check and import",
  importing: "Importing",
  done: "Import complete",
};

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * `/t/:slug/contracts/import`: a council's spreadsheet into the register (DESIGN §4): choose the file, match
 * its columns, check every row, then import all or nothing (or all but the rows with problems, if chosen).
 */
/** The confirm button says what it will do: add, update, or both. */
function importLabel(checked: Preview): string {
  const parts = [
    checked.newCount > 0 ? `add ${plural(checked.newCount, "contract")}` : null,
    checked.updateCount > 0 ? `update ${plural(checked.updateCount, "contract")}` : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return "Import";
  const text = parts.join(" and ");
  return `Import: ${text}`;
}

export function ImportRegister() {
  const { api, council, can } = useCouncil();
  const mutate = councilMutations();
  const [step, setStep] = createSignal<Step>("file");
  const [file, setFile] = createSignal<ChosenFile | null>(null);
  const [mapping, setMapping] = createSignal<Mapping>([]);
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const [checking, setChecking] = createSignal(false);
  const [checkProblem, setCheckProblem] = createSignal<string | null>(null);
  const [skip, setSkip] = createSignal(false);
  const [result, setResult] = createSignal<ImportResult | null>(null);
  const [elapsed, setElapsed] = createSignal(0);
  const submission = createSubmission();
  const key = createIdempotencyKey();
  let stepHeading: HTMLHeadingElement | undefined;
  let checks = 0;

  // A new step is announced by moving focus to its heading, as a new page would be.
  createEffect(on(step, () => requestAnimationFrame(() => stepHeading?.focus()), { defer: true }));

  /** Asks the server to check the file with a mapping; an answer to an earlier request is dropped. */
  const check = async (chosen: ChosenFile, columns: Mapping | undefined) => {
    const request = ++checks;
    setChecking(true);
    setCheckProblem(null);
    try {
      // A check that changes nothing (sent as a mutation for the file's size): nothing to cache or invalidate.
      const answer = await api().register.previewImport.mutate({ csv: chosen.text, mapping: columns });
      if (request !== checks) return;
      setPreview(answer);
      setMapping(answer.mapping);
      // A different set of problem rows needs a fresh decision about skipping them.
      setSkip(false);
    } catch (error) {
      if (request !== checks) return;
      setCheckProblem(describeProblem(error).message);
      throw error;
    } finally {
      if (request === checks) setChecking(false);
    }
  };

  const chooseFile = async (chosen: ChosenFile) => {
    key.renew();
    submission.clear();
    await check(chosen, undefined);
    setFile(chosen);
    setStep("mapping");
  };

  const changeMapping = (column: number, field: ImportableField | null) => {
    const chosen = file();
    if (!chosen) return;
    const next = mapping().map((each, index) => (index === column ? field : each));
    setMapping(next);
    void check(chosen, next).catch(() => undefined);
  };

  const importNow = async () => {
    const chosen = file();
    const checked = preview();
    if (!chosen || !checked) return;
    setStep("importing");
    setElapsed(0);
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 1000);
    const outcome = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.register.commitImport({
            csv: chosen.text,
            mapping: mapping(),
            skipProblemRows: skip(),
            fileName: chosen.name,
            idempotencyKey: key.current(),
          }),
        // An import adds and updates contracts and suppliers.
        ["contracts", "suppliers"],
      ),
    );
    clearInterval(timer);
    if (outcome.ok) {
      key.renew();
      setResult(outcome.value);
      setStep("done");
    } else {
      setStep("preview");
    }
  };
  onCleanup(() => {
    checks += 1;
  });

  const startAgain = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    submission.clear();
    setStep("file");
  };

  const mappingStep = () => {
    const chosen = file();
    const checked = preview();
    return step() === "mapping" && chosen && checked ? { file: chosen, preview: checked } : null;
  };

  const canImport = () => {
    const checked = preview();
    if (!checked || checking()) return false;
    const mappingProblems = checked.problems.some((issue) => issue.rowNumber <= checked.headerRowNumber);
    const toWrite = checked.newCount + checked.updateCount;
    return !mappingProblems && toWrite > 0 && (checked.problemRowCount === 0 || skip());
  };

  return (
    <>
      <PageHeading title="Import a register" caption="Contract register" />
      <Show
        when={can("register:import")}
        fallback={<p>Your role cannot import registers. Ask a contract manager or an admin.</p>}
      >
        <Show when={file()}>
          {(chosen) => (
            <p class="file-summary">
              File: <strong>{chosen().name}</strong> ({plural(chosen().records.length, "line")}
              {chosen().encoding === "windows-1252" ? ", read as Windows-1252 because it is not UTF-8" : ""})
            </p>
          )}
        </Show>
        <h2 class="step-heading" tabindex="-1" ref={stepHeading}>
          {stepTitles[step()]}
        </h2>
        <Switch>
          <Match when={step() === "file"}>
            <ChooseFile onChosen={chooseFile} problem={checkProblem()} />
          </Match>
          <Match when={mappingStep()}>
            {(ready) => (
              <>
                <Show when={checkProblem()}>
                  {(problem) => (
                    <p class="notice notice--error" role="alert">
                      {problem()}
                    </p>
                  )}
                </Show>
                <ColumnMapping
                  file={ready().file}
                  preview={ready().preview}
                  checking={checking()}
                  mapping={mapping()}
                  onChange={changeMapping}
                />
                <div class="button-row">
                  <button
                    type="button"
                    class="button"
                    disabled={checking()}
                    onClick={() => setStep("preview")}
                  >
                    Check the rows
                  </button>
                  <button type="button" class="button button--secondary" onClick={startAgain}>
                    Choose another file
                  </button>
                </div>
              </>
            )}
          </Match>
          <Match when={step() === "preview" ? preview() : null}>
            {(checked) => (
              <>
                <Show when={submission.problem()}>
                  {(problem) => (
                    <div class="notice notice--error" role="alert">
                      <p>
                        <strong>Nothing was imported.</strong> {problem().message}
                      </p>
                    </div>
                  )}
                </Show>
                <ImportPreview preview={checked()} skip={skip()} onSkipChange={setSkip} />
                <div class="button-row">
                  <button
                    type="button"
                    class="button"
                    disabled={!canImport()}
                    aria-describedby="import-button-hint"
                    onClick={() => void importNow()}
                  >
                    {importLabel(checked())}
                  </button>
                  <button type="button" class="button button--secondary" onClick={() => setStep("mapping")}>
                    Back to the columns
                  </button>
                </div>
                <p class="hint" id="import-button-hint">
                  {canImport()
                    ? "The contracts are added in one go: if anything fails, none are."
                    : checked().problemRowCount > 0
                      ? "Fix the rows with problems, or tick “Skip the rows with problems”, to import."
                      : checked().newCount + checked().updateCount === 0 && checked().unchangedCount > 0
                        ? "Every contract in the file is already in the register as it is: there is nothing to import."
                        : "Fix the column mapping to import."}
                </p>
              </>
            )}
          </Match>
          <Match when={step() === "importing"}>
            <div class="importing" role="status" aria-live="polite">
              <p>
                Importing {plural((preview()?.newCount ?? 0) + (preview()?.updateCount ?? 0), "contract")}… A
                large register can take a little while: keep this page open.
              </p>
              <progress class="progress" aria-label="Importing" />
              <p class="muted" aria-live="off">
                {elapsed()} second{elapsed() === 1 ? "" : "s"} so far
              </p>
            </div>
          </Match>
          <Match when={step() === "done" ? result() : null}>
            {(done) => (
              <>
                <div class="notice notice--success" role="status">
                  <p>
                    <strong>
                      Imported {plural(done().created, "contract")}, updated{" "}
                      {plural(done().updated, "contract")}, created{" "}
                      {plural(done().suppliersCreated, "supplier")}, skipped {plural(done().skipped, "row")}.
                    </strong>
                  </p>
                </div>
                <ManagerTrainingWarnings warnings={done().managerWarnings} />
                <p>
                  Each contract's tier has been assessed from its values. Check the register for anything to
                  complete.
                </p>
                <ul class="link-list">
                  <li>
                    <A href={registerHref(council().slug, { sort: "updatedAt", direction: "desc" })}>
                      See the imported contracts in the register
                    </A>
                  </li>
                  <li>
                    <button type="button" class="link-button" onClick={startAgain}>
                      Import another file
                    </button>
                  </li>
                </ul>
              </>
            )}
          </Match>
        </Switch>
      </Show>
    </>
  );
}

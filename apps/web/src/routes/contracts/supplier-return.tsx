import { createSignal, For, Show } from "solid-js";
import { describedBy } from "../../components/field-messages.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations } from "../../council-query.ts";
import { type Client, describeProblem } from "../../trpc.ts";
import { readFileText } from "./import/read-csv.ts";

type Preview = Awaited<ReturnType<Client["kpis"]["previewReturn"]["mutate"]>>;

const maxBytes = 5 * 1024 * 1024;
const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/**
 * Issue 8 §2: a supplier's return, uploaded as a CSV file (one row per KPI per period; a rate with its numerator
 * and denominator; a part of a measurement on its own row naming the part). The file is checked first and every
 * problem shown by row; the measurements are recorded all together or not at all.
 */
export function SupplierReturn(props: { contractId: string }) {
  const { api, format } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [file, setFile] = createSignal<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const [checking, setChecking] = createSignal(false);
  const [fileProblem, setFileProblem] = createSignal<string | null>(null);
  const [recorded, setRecorded] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  const choose = async (chosen: File | undefined) => {
    setFileProblem(null);
    setPreview(null);
    setRecorded(null);
    submission.clear();
    if (!chosen) return;
    if (chosen.size > maxBytes) {
      setFileProblem("The file is over 5 MB: split it into smaller files.");
      return;
    }
    setChecking(true);
    try {
      const { text } = await readFileText(chosen, () => {});
      key.renew();
      setFile({ name: chosen.name, text });
      // A check that changes nothing (sent as a mutation for the file's size).
      setPreview(await api().kpis.previewReturn.mutate({ contractId: props.contractId, csv: text }));
    } catch (error) {
      setFileProblem(describeProblem(error).message);
    } finally {
      setChecking(false);
    }
  };

  const record = async () => {
    const chosen = file();
    if (!chosen) return;
    const outcome = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.kpis.commitReturn({
            contractId: props.contractId,
            csv: chosen.text,
            fileName: chosen.name,
            idempotencyKey: key.current(),
          }),
        ["kpis", "rag", "board", "contracts"],
      ),
    );
    if (outcome.ok) {
      const { recorded: count, firstPeriod, lastPeriod } = outcome.value;
      setRecorded(
        `Recorded ${plural(count, "measurement")} from ${chosen.name}, ${format().month(firstPeriod)} to ${format().month(lastPeriod)}.`,
      );
      setPreview(null);
      setFile(null);
      if (input) input.value = "";
    }
  };

  return (
    <section class="panel" aria-labelledby="supplier-return-heading">
      <h3 id="supplier-return-heading">Upload a supplier's return</h3>
      <p class="hint" id="supplier-return-file-hint">
        A CSV file with a header row: KPI, Period (2026-11), Value, or Numerator and Denominator for a rate,
        and optionally Part (or the KPI's breakdown, such as Region: a part of the total, on its own row) and
        Evidence. Nothing is recorded until you have checked it.
      </p>
      <Show when={recorded()}>
        {(message) => (
          <p class="notice notice--success" role="status">
            {message()}
          </p>
        )}
      </Show>
      <div class="field" classList={{ "field--error": Boolean(fileProblem()) }}>
        <label class="label" for="supplier-return-file">
          Return file (CSV)
        </label>
        <Show when={fileProblem()}>
          <p class="field-error" id="supplier-return-file-error">
            <span class="visually-hidden">Error: </span>
            {fileProblem()}
          </p>
        </Show>
        <input
          ref={input}
          class="file-input"
          type="file"
          id="supplier-return-file"
          accept=".csv,text/csv"
          disabled={checking() || submission.pending()}
          aria-describedby={describedBy("supplier-return-file", "hint", fileProblem() ?? undefined)}
          aria-invalid={fileProblem() ? "true" : undefined}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </div>
      <p role="status" aria-live="polite">
        {checking() ? "Checking the file…" : ""}
      </p>
      <Show when={preview()}>
        {(checked) => (
          <>
            <p>
              {plural(checked().rowCount, "row")}: {plural(checked().measurementCount, "measurement")} to
              record
              <Show when={checked().firstPeriod && checked().lastPeriod}>
                {" "}
                ({format().month(checked().firstPeriod ?? "")} to {format().month(checked().lastPeriod ?? "")}
                )
              </Show>
              <Show when={checked().problemCount > 0}>
                , {plural(checked().problemCount, "problem")} to fix first
              </Show>
              .
            </p>
            <Show when={checked().problemCount > 0}>
              <TableWrap label="Problems in the file">
                <table class="table">
                  <caption>
                    Problems in the file
                    <Show when={checked().problemCount > checked().problems.length}>
                      {" "}
                      (the first {checked().problems.length} of {checked().problemCount})
                    </Show>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
                      <th scope="col">Column</th>
                      <th scope="col">Problem</th>
                      <th scope="col">In the file</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={checked().problems}>
                      {(problem) => (
                        <tr>
                          <td>{problem.rowNumber}</td>
                          <td>{problem.column ?? "—"}</td>
                          <td>{problem.message}</td>
                          <td>{problem.value ?? ""}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
            </Show>
            <Show when={checked().problemCount === 0 && checked().sample.length > 0}>
              <TableWrap label="Measurements to record">
                <table class="table">
                  <caption>
                    Measurements to record
                    <Show when={checked().measurementCount > checked().sample.length}>
                      {" "}
                      (the first {checked().sample.length})
                    </Show>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">KPI</th>
                      <th scope="col">Period</th>
                      <th scope="col">Value</th>
                      <th scope="col">Parts</th>
                      <th scope="col">Rating</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={checked().sample}>
                      {(row) => (
                        <tr>
                          <td>{row.kpiName}</td>
                          <td>{format().month(row.periodStart)}</td>
                          <td>{row.value === null ? "—" : row.value.toLocaleString("en-GB")}</td>
                          <td>{row.parts}</td>
                          <td>{row.ratingLabel}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
            </Show>
            <Show when={submission.problem()}>
              {(problem) => (
                <p class="notice notice--error" role="alert">
                  <strong>Nothing was recorded.</strong> {problem().message}
                </p>
              )}
            </Show>
            <div class="button-row">
              <button
                type="button"
                class="button"
                disabled={
                  checked().problemCount > 0 || checked().measurementCount === 0 || submission.pending()
                }
                onClick={() => void record()}
              >
                {submission.pending()
                  ? "Recording…"
                  : `Record ${plural(checked().measurementCount, "measurement")}`}
              </button>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}

import { DomainError } from "@steward/domain";
import { createSignal, Show } from "solid-js";
import { describedBy } from "../../../components/field-messages.tsx";
import { describeProblem } from "../../../trpc.ts";
import type { ChosenFile } from "./import-types.ts";
import { parseCsvInChunks, readFileText } from "./read-csv.ts";

const maxBytes = 20 * 1024 * 1024;

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Step 1: the CSV file, chosen with the file input or dropped on it. It is read and parsed here, in pieces
 * with a progress bar, so a large register shows progress and a broken file is reported before upload.
 */
export function ChooseFile(props: { onChosen: (file: ChosenFile) => Promise<void>; problem: string | null }) {
  const [stage, setStage] = createSignal<"idle" | "reading" | "parsing" | "checking">("idle");
  const [progress, setProgress] = createSignal(0);
  const [error, setError] = createSignal<string | null>(null);
  const [dragging, setDragging] = createSignal(false);
  const message = () => error() ?? props.problem;

  const take = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (!/\.(csv|txt)$/i.test(file.name) && file.type !== "text/csv") {
      setError("Choose a CSV file. Save a spreadsheet as “CSV UTF-8 (comma delimited)” first.");
      return;
    }
    if (file.size > maxBytes) {
      setError(`The file is ${sizeText(file.size)}: files over 20 MB must be split into smaller files.`);
      return;
    }
    try {
      setStage("reading");
      setProgress(0);
      const read = await readFileText(file, setProgress);
      setStage("parsing");
      setProgress(0);
      const records = await parseCsvInChunks(read.text, setProgress);
      if (records.length < 2) {
        setError("The file has no rows below its header. Check you chose the right file.");
        setStage("idle");
        return;
      }
      setStage("checking");
      await props.onChosen({
        name: file.name,
        size: file.size,
        text: read.text,
        encoding: read.encoding,
        records,
      });
    } catch (caught) {
      // A broken file (DomainError from the parser) says what is wrong; a failed request says it as the API does.
      setError(caught instanceof DomainError ? caught.message : describeProblem(caught).message);
    }
    setStage("idle");
  };

  const busy = () => stage() !== "idle";
  const stageText = () =>
    ({
      idle: "",
      reading: "Reading the file…",
      parsing: "Reading the rows…",
      checking: "Checking the rows and suggesting a field for each column…",
    })[stage()];
  const percent = () => Math.round(progress() * 100);

  return (
    <>
      <p>
        Use a CSV file with one row per contract and a header row naming the columns. Save spreadsheets as
        “CSV UTF-8”. Nothing is added to the register until you have checked the preview and confirmed.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a pointer shortcut; the file input inside is the way for everyone */}
      <div
        class="drop-zone"
        classList={{ "drop-zone--active": dragging(), "field--error": Boolean(message()) }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (!busy()) void take(event.dataTransfer?.files[0]);
        }}
      >
        <label class="label" for="register-file">
          Register file (CSV)
        </label>
        <p class="hint" id="register-file-hint">
          Choose the file, or drag it here. Up to 20 MB (about 40,000 contracts).
        </p>
        <Show when={message()}>
          <p class="field-error" id="register-file-error">
            <span class="visually-hidden">Error: </span>
            {message()}
          </p>
        </Show>
        <input
          class="file-input"
          type="file"
          id="register-file"
          name="file"
          accept=".csv,text/csv"
          disabled={busy()}
          aria-describedby={describedBy("register-file", "hint", message() ?? undefined)}
          aria-invalid={message() ? "true" : undefined}
          onChange={(event) => void take(event.currentTarget.files?.[0])}
        />
      </div>
      <div class="progress-status">
        {/* The stage is announced; the percentage is on the bar, not read out at every step. */}
        <p role="status" aria-live="polite" class="progress-status__text">
          {stageText()}
        </p>
        <Show when={busy()}>
          <Show
            when={stage() !== "checking"}
            fallback={<progress class="progress" aria-label={stageText()} />}
          >
            <progress class="progress" aria-label={stageText()} max="100" value={percent()} />
            <span class="progress-status__percent" aria-hidden="true">
              {percent()}%
            </span>
          </Show>
        </Show>
      </div>
    </>
  );
}

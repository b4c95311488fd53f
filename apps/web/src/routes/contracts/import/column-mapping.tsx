import {
  columnLetter,
  type ImportableField,
  importableFieldDefinitions,
  importableFields,
} from "@steward/domain";
import { createMemo, For, Show } from "solid-js";
import { type Choice, ChoiceSelect } from "../../../components/choice-select.tsx";
import { TableWrap } from "../../../components/table-wrap.tsx";
import type { ChosenFile, Mapping, Preview } from "./import-types.ts";

const fieldChoices: Choice<ImportableField | "">[] = [
  { value: "", label: "Do not import" },
  ...importableFields.map((field) => {
    const definition = importableFieldDefinitions[field];
    return { value: field, label: definition.required ? `${definition.label} (required)` : definition.label };
  }),
];

const sampleCount = 3;
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** The first few different values in each column below the header, to recognise what it holds. */
function samplesOf(file: ChosenFile, headerRowNumber: number, columns: number): string[][] {
  const samples: string[][] = Array.from({ length: columns }, () => []);
  for (const record of file.records.slice(headerRowNumber)) {
    let full = true;
    samples.forEach((values, column) => {
      const value = (record[column] ?? "").trim();
      if (value !== "" && values.length < sampleCount && !values.includes(value)) values.push(value);
      if (values.length < sampleCount) full = false;
    });
    if (full) break;
  }
  return samples;
}

/** Counts from the server's latest check, said as one sentence. */
export function previewSummary(preview: Preview): string {
  const warnings = preview.warnings.length;
  return `${preview.rowCount} rows: ${preview.validCount} ready to import, ${preview.problemRowCount} with problems, ${warnings} warning${warnings === 1 ? "" : "s"}.`;
}

/**
 * Step 2: which field each column of the file fills. The server suggested a mapping; every change is checked
 * again on the server and the counts below follow.
 */
export function ColumnMapping(props: {
  file: ChosenFile;
  preview: Preview;
  checking: boolean;
  mapping: Mapping;
  onChange: (column: number, field: ImportableField | null) => void;
}) {
  const samples = createMemo(() =>
    samplesOf(props.file, props.preview.headerRowNumber, props.preview.header.length),
  );
  const suggested = (column: number) => props.preview.suggestedMapping[column] ?? null;
  return (
    <>
      <p>
        Steward has suggested a field for each column it recognised. Check them against the sample values,
        change any that are wrong, and choose “Do not import” for columns you do not want. Suggestions that
        you changed are marked.
      </p>
      <TableWrap label="Column mapping table">
        <table class="table table--mapping">
          <caption class="visually-hidden">
            Columns of {props.file.name}, with sample values and the field each is imported as
          </caption>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Sample values</th>
              <th scope="col">Import as</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.preview.header}>
              {(name, column) => (
                <tr>
                  <th scope="row" class="cell-column">
                    <span class="column-letter">{columnLetter(column())}</span>{" "}
                    {name || <span class="muted">(no name)</span>}
                  </th>
                  <td class="cell-samples">
                    <Show
                      when={(samples()[column()] ?? []).length > 0}
                      fallback={<span class="muted">All blank</span>}
                    >
                      <ul class="samples">
                        <For each={samples()[column()]}>{(value) => <li>{shorten(value)}</li>}</For>
                      </ul>
                    </Show>
                  </td>
                  <td>
                    <ChoiceSelect
                      id={`mapping-${column()}`}
                      label={`Import column ${columnLetter(column())} (${name}) as`}
                      hideLabel
                      compact
                      choices={fieldChoices}
                      value={props.mapping[column()] ?? ""}
                      onChange={(field) => props.onChange(column(), field === "" ? null : field)}
                    />
                    <Show when={(props.mapping[column()] ?? null) !== suggested(column())}>
                      <span class="cell-meta">Changed from the suggestion</span>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableWrap>
      <p class="results-summary" role="status" aria-live="polite">
        {props.checking ? "Checking the file with this mapping…" : previewSummary(props.preview)}
      </p>
    </>
  );
}

import { type ImportIssue, importableFieldDefinitions } from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { CheckboxField } from "../../../components/checkbox-field.tsx";
import { TableWrap } from "../../../components/table-wrap.tsx";
import { useCouncil } from "../../../council.tsx";
import { ManagerTrainingWarnings } from "../../training/manager-training-notice.tsx";
import type { Preview } from "./import-types.ts";

const pageOfIssues = 100;
/** A long cell (a whole description) is cut: the message says what is wrong with it. */
const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

function IssueTable(props: { issues: ImportIssue[]; caption: string; id: string }) {
  const [shown, setShown] = createSignal(pageOfIssues);
  const more = () => props.issues.length - shown();
  return (
    <>
      <TableWrap class="table-wrap--scroll" label={props.caption}>
        <table class="table">
          <caption id={`${props.id}-caption`} class="table__caption">
            {props.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="cell-numeric">
                Row
              </th>
              <th scope="col">Field</th>
              <th scope="col">Value in the file</th>
              <th scope="col">What to do</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.issues.slice(0, shown())}>
              {(issue) => (
                <tr>
                  <th scope="row" class="cell-numeric">
                    {issue.rowNumber}
                  </th>
                  <td>{issue.field ? importableFieldDefinitions[issue.field].label : "Whole row"}</td>
                  <td class="cell-value">{issue.value === null ? "—" : shorten(issue.value)}</td>
                  <td>{issue.message.replace(/^Row \d+: /, "")}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableWrap>
      <Show when={more() > 0}>
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => setShown((count) => count + pageOfIssues)}
        >
          Show {Math.min(more(), pageOfIssues)} more of {more()}
        </button>
      </Show>
    </>
  );
}

/**
 * Step 3: what the import would do, from the server's check of every row; nothing is written until the
 * officer confirms. Rows with problems block the import unless the officer chooses to skip them.
 */
export function ImportPreview(props: {
  preview: Preview;
  skip: boolean;
  onSkipChange: (skip: boolean) => void;
}) {
  const { format } = useCouncil();
  const headerRow = () => props.preview.headerRowNumber;
  const mappingProblems = () => props.preview.problems.filter((issue) => issue.rowNumber <= headerRow());
  const rowProblems = () => props.preview.problems.filter((issue) => issue.rowNumber > headerRow());
  return (
    <>
      <dl class="stat-list">
        <div class="stat">
          <dt>Rows in the file</dt>
          <dd>{props.preview.rowCount}</dd>
        </div>
        <div class="stat stat--ok">
          <dt>New contracts</dt>
          <dd>{props.preview.newCount}</dd>
        </div>
        <div class="stat">
          <dt>Contracts to update</dt>
          <dd>{props.preview.updateCount}</dd>
        </div>
        <div class="stat">
          <dt>Already up to date</dt>
          <dd>{props.preview.unchangedCount}</dd>
        </div>
        <div class="stat" classList={{ "stat--problem": props.preview.problemRowCount > 0 }}>
          <dt>Rows with problems</dt>
          <dd>{props.preview.problemRowCount}</dd>
        </div>
        <div class="stat">
          <dt>Warnings</dt>
          <dd>{props.preview.warnings.length}</dd>
        </div>
      </dl>

      <Show when={mappingProblems().length > 0}>
        <div class="notice notice--error" role="alert">
          <h3>The column mapping needs fixing</h3>
          <ul>
            <For each={mappingProblems()}>{(issue) => <li>{issue.message}</li>}</For>
          </ul>
          <p>Go back to the columns step to fix it. These cannot be skipped: they concern every row.</p>
        </div>
      </Show>

      <section aria-labelledby="not-imported-heading">
        <h3 id="not-imported-heading">Columns that will not be imported</h3>
        <Show
          when={props.preview.notImported.length > 0}
          fallback={<p>Every column of the file is imported.</p>}
        >
          <p>
            Nothing in these columns reaches the register. To import one, go back to the columns step and
            choose its field.
          </p>
          <ul class="not-imported-list">
            <For each={props.preview.notImported}>
              {(column) => (
                <li>
                  Column {column.column}: {column.name === "" ? "(no heading)" : column.name}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section aria-labelledby="problems-heading">
        <h3 id="problems-heading">Rows with problems</h3>
        <Show
          when={rowProblems().length > 0}
          fallback={<p class="notice notice--success">No row has a problem.</p>}
        >
          <p>
            Fix these in the file and choose it again, or skip these rows: the other rows are imported and
            these are left out.
          </p>
          <IssueTable
            id="problem-rows"
            issues={rowProblems()}
            caption={`${rowProblems().length} problems on ${props.preview.problemRowCount} rows`}
          />
        </Show>
      </section>

      <Show when={props.preview.warnings.length > 0}>
        <section aria-labelledby="warnings-heading">
          <h3 id="warnings-heading">Warnings</h3>
          <details class="details">
            <summary>
              Show {props.preview.warnings.length} warnings: these rows are imported, but check what Steward
              did
            </summary>
            <IssueTable
              id="warnings"
              issues={props.preview.warnings}
              caption={`${props.preview.warnings.length} warnings`}
            />
          </details>
        </section>
      </Show>

      <ManagerTrainingWarnings warnings={props.preview.managerWarnings} />

      <Show when={props.preview.updates.length > 0}>
        <section aria-labelledby="updates-heading">
          <h3 id="updates-heading">Contracts this file changes</h3>
          <p>
            These references are already in the register. Importing changes these fields, and nothing else, on
            each of them.
            <Show when={props.preview.updateCount > props.preview.updates.length}>
              {" "}
              The first {props.preview.updates.length} of {props.preview.updateCount} are listed.
            </Show>
          </p>
          <TableWrap class="table-wrap--scroll" label="Changes to contracts already in the register">
            <table class="table">
              <caption class="visually-hidden">
                {props.preview.updateCount} contracts already in the register, with what the file changes
              </caption>
              <thead>
                <tr>
                  <th scope="col" class="cell-numeric">
                    Row
                  </th>
                  <th scope="col">Reference</th>
                  <th scope="col">Field</th>
                  <th scope="col">Now</th>
                  <th scope="col">After the import</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.preview.updates}>
                  {(update) => (
                    <For each={update.changes}>
                      {(change, index) => (
                        <tr>
                          <td class="cell-numeric">{index() === 0 ? update.rowNumber : ""}</td>
                          <th scope="row" class="cell-reference">
                            {update.reference}
                          </th>
                          <td>{change.label}</td>
                          <td class="cell-value">{shorten(change.before)}</td>
                          <td class="cell-value">{shorten(change.after)}</td>
                        </tr>
                      )}
                    </For>
                  )}
                </For>
              </tbody>
            </table>
          </TableWrap>
        </section>
      </Show>

      <Show when={props.preview.unmatchedPeople.length > 0}>
        <section aria-labelledby="people-heading">
          <h3 id="people-heading">People the file names who are not members</h3>
          <p>
            Their contracts are imported without them. Invite them to the council and import again, or set
            them with the register's bulk edit.
          </p>
          <ul>
            <For each={props.preview.unmatchedPeople}>
              {(person) => (
                <li>
                  {person.field === "sro" ? "SRO" : "Contract manager"} “{person.text}”
                  {person.reason === "ambiguous" ? " (several members have this name)" : ""}: rows{" "}
                  {person.rowNumbers.join(", ")}
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <Show when={props.preview.sample.length > 0}>
        <section aria-labelledby="sample-heading">
          <h3 id="sample-heading">Sample of the contracts to import</h3>
          <TableWrap label="Sample of contracts to import">
            <table class="table">
              <caption class="visually-hidden">
                The first {props.preview.sample.length} of {props.preview.newCount} new contracts ready to
                import
              </caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Title</th>
                  <th scope="col">Supplier</th>
                  <th scope="col">Ends</th>
                  <th scope="col" class="cell-numeric">
                    Total value
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={props.preview.sample}>
                  {(row) => (
                    <tr>
                      <td>{row.rowNumber}</td>
                      <th scope="row" class="cell-reference">
                        {row.reference}
                      </th>
                      <td class="cell-title">{row.title}</td>
                      <td>{row.supplierName ?? "—"}</td>
                      <td class="cell-nowrap">{row.endDate ? format().date(row.endDate) : "—"}</td>
                      <td class="cell-numeric cell-nowrap">
                        {row.totalValueMinor === null ? "—" : format().money(row.totalValueMinor)}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableWrap>
        </section>
      </Show>

      <Show
        when={
          props.preview.problemRowCount > 0 &&
          mappingProblems().length === 0 &&
          props.preview.newCount + props.preview.updateCount > 0
        }
      >
        <CheckboxField
          id="skip-problem-rows"
          label={`Skip the ${props.preview.problemRowCount} rows with problems`}
          hint={`Only the ${props.preview.newCount + props.preview.updateCount} rows without problems that add or change a contract are imported.`}
          checked={props.skip}
          onChange={props.onSkipChange}
        />
      </Show>
    </>
  );
}

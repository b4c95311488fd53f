import type { RagStatus } from "@steward/domain";
import { ragStatusLabels } from "@steward/domain";
import { createUniqueId, For, Show } from "solid-js";
import { useCouncil } from "../../council.tsx";
import styles from "./rag-strip.module.css";

export type RagStripMonth = { month: string; status: RagStatus | null; commentary?: string | null };

const letters: Record<RagStatus, string> = { green: "G", amber: "A", red: "R" };
const cell = 28;
const gap = 4;

/** "10 Green, 3 Amber, 2 Red, 9 not set" over the months shown. */
function tally(months: readonly RagStripMonth[]): string {
  const count = (status: RagStatus | null) => months.filter((each) => each.status === status).length;
  return `${count("green")} Green, ${count("amber")} Amber, ${count("red")} Red, ${count(null)} not set`;
}

/**
 * 004 §12.3: a contract's monthly RAG statuses as a strip of months, oldest first. Accessible SVG: a title and a
 * description say what it shows and the tally; each square carries its letter (G, A, R; a dash when not set) so
 * the colours are never the only cue; the same months, with their commentary, are in a table for screen readers.
 */
export function RagStrip(props: {
  months: readonly RagStripMonth[];
  /** What the strip is of ("WST-2023-01"), for its title. */
  label: string;
  /** Smaller squares and no month labels (the board's rows); the table still carries every month. */
  compact?: boolean;
}) {
  const { format } = useCouncil();
  const id = createUniqueId();
  const size = () => (props.compact ? 18 : cell);
  const width = () => Math.max(1, props.months.length * (size() + gap) - gap);
  const height = () => (props.compact ? size() : size() + 36);
  const first = () => props.months[0];
  const last = () => props.months.at(-1);
  const description = () =>
    first() && last()
      ? `${props.months.length} months from ${format().month(first()?.month ?? "")} to ${format().month(last()?.month ?? "")}: ${tally(props.months)}.`
      : "No months to show yet.";
  const statusText = (status: RagStatus | null) => (status ? ragStatusLabels[status] : "Not set");
  return (
    <figure class={styles.figure}>
      <svg
        class={styles.strip}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width()} ${height()}`}
        width={width()}
        height={height()}
      >
        <title id={`${id}-title`}>{`${props.label}: RAG status by month`}</title>
        <desc id={`${id}-desc`}>{description()}</desc>
        <For each={props.months}>
          {(each, index) => {
            const x = () => index() * (size() + gap);
            return (
              <g>
                <rect
                  x={x()}
                  y={0}
                  width={size()}
                  height={size()}
                  class={each.status ? styles[each.status] : styles.notSet}
                />
                <text
                  x={x() + size() / 2}
                  y={size() / 2}
                  class={
                    each.status === "amber"
                      ? styles.letterDark
                      : each.status
                        ? styles.letterOnColour
                        : styles.letter
                  }
                  dominant-baseline="central"
                  text-anchor="middle"
                >
                  {each.status ? letters[each.status] : "–"}
                </text>
                <Show when={!props.compact}>
                  <text x={x() + size() / 2} y={size() + 16} class={styles.axis} text-anchor="middle">
                    {format().monthShort(each.month).slice(0, 3)}
                  </text>
                  <Show when={index() === 0 || each.month.endsWith("-01-01")}>
                    <text x={x()} y={size() + 31} class={styles.axis}>
                      {each.month.slice(0, 4)}
                    </text>
                  </Show>
                </Show>
              </g>
            );
          }}
        </For>
      </svg>
      <table class="visually-hidden">
        <caption>{`${props.label}: RAG status by month`}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Status</th>
            <Show when={props.months.some((each) => each.commentary !== undefined)}>
              <th scope="col">Commentary</th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={[...props.months].reverse()}>
            {(each) => (
              <tr>
                <th scope="row" class="cell-nowrap">
                  {format().month(each.month)}
                </th>
                <td>{statusText(each.status)}</td>
                <Show when={each.commentary !== undefined}>
                  <td>{each.commentary ?? ""}</td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
}

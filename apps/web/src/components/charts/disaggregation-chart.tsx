import { formatKpiValue, type KpiRating, kpiRatingLabels, type RatedKpi } from "@steward/domain";
import { createMemo, createUniqueId, For } from "solid-js";
import { useCouncil } from "../../council.tsx";
import styles from "./charts.module.css";
import { ratingColours } from "./ratings.ts";

export type DisaggregatedPart = { label: string; value: number | null; rating: KpiRating };

const width = 640;
const rowHeight = 30;
const margin = { top: 8, right: 120, bottom: 8, left: 140 };

/**
 * Issue 8 §12 and 002's equity analysis: one measurement's parts (regions, sites, groups) as bars against the
 * target, each coloured by its own PR24 reg 39(5) rating, so the failing part stands out. An SVG image with a
 * title and a description; the numbers are in a table for screen readers.
 */
export function DisaggregationChart(props: { title: string; kpi: RatedKpi; parts: DisaggregatedPart[] }) {
  const { council } = useCouncil();
  const id = createUniqueId();
  const shown = (value: number) => formatKpiValue(props.kpi, value, council());
  const height = () => margin.top + margin.bottom + props.parts.length * rowHeight;
  const scale = createMemo(() => {
    const values = props.parts.map((part) => part.value ?? 0);
    const high = props.kpi.unit === "percent" ? 100 : Math.max(...values, props.kpi.target, 0) * 1.1 || 1;
    return (value: number) =>
      margin.left + (Math.max(0, value) / high) * (width - margin.left - margin.right);
  });
  const description = () => {
    const worst = props.parts.filter(
      (part) => part.rating === "inadequate" || part.rating === "requires_improvement",
    );
    return [
      `${props.parts.length} parts against the target of ${shown(props.kpi.target)}.`,
      worst.length === 0
        ? "No part falls short of the approaching-target band."
        : `Short of target: ${worst.map((part) => `${part.label} (${part.value === null ? "not measured" : shown(part.value)}, ${kpiRatingLabels[part.rating]})`).join(", ")}.`,
    ].join(" ");
  };
  return (
    <figure class={styles.figure}>
      <svg
        class={styles.svg}
        viewBox={`0 0 ${width} ${height()}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{description()}</desc>
        <For each={props.parts}>
          {(part, index) => {
            const y = () => margin.top + index() * rowHeight;
            return (
              <>
                <text
                  class={styles.barLabel}
                  x={margin.left - 8}
                  y={y() + rowHeight / 2 + 4}
                  text-anchor="end"
                >
                  {part.label.length > 20 ? `${part.label.slice(0, 19)}…` : part.label}
                </text>
                <rect
                  class={styles.bar}
                  x={margin.left}
                  y={y() + 5}
                  height={rowHeight - 10}
                  width={Math.max(1, scale()(part.value ?? 0) - margin.left)}
                  fill={ratingColours[part.rating]}
                />
                <text class={styles.barLabel} x={scale()(part.value ?? 0) + 6} y={y() + rowHeight / 2 + 4}>
                  {part.value === null ? "—" : shown(part.value)}
                </text>
              </>
            );
          }}
        </For>
        <line
          class={styles.target}
          x1={scale()(props.kpi.target)}
          x2={scale()(props.kpi.target)}
          y1={margin.top}
          y2={height() - margin.bottom}
        />
      </svg>
      <figcaption class={styles.caption}>
        The green line is the target of {shown(props.kpi.target)}.
      </figcaption>
      <table class="visually-hidden">
        <caption>{props.title}: the numbers</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Value</th>
            <th scope="col">Rating</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.parts}>
            {(part) => (
              <tr>
                <th scope="row">{part.label}</th>
                <td>{part.value === null ? "Not measured" : shown(part.value)}</td>
                <td>{kpiRatingLabels[part.rating]}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
}

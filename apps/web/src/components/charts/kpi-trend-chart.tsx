import { formatKpiValue, type KpiRating, kpiRatingLabels, type RatedKpi } from "@steward/domain";
import { createMemo, createUniqueId, For, Show } from "solid-js";
import { useCouncil } from "../../council.tsx";
import styles from "./charts.module.css";
import { ratingColours, ratingOrder } from "./ratings.ts";

export type TrendPoint = { periodStart: string; value: number | null; rating: KpiRating };

const width = 640;
const height = 240;
const margin = { top: 16, right: 96, bottom: 32, left: 64 };

/** Months from `from` to `to` (first days). */
function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

/**
 * Issue 8 §12: a KPI's trend, with its target, the tolerance band ("approaching target") and the Inadequate
 * line, each point marked with its PR24 reg 39(5) rating. An SVG image with a title and a description; the
 * numbers are in a table for screen readers.
 */
export function KpiTrendChart(props: { title: string; kpi: RatedKpi; points: TrendPoint[] }) {
  const { council, format } = useCouncil();
  const id = createUniqueId();
  const shown = (value: number) => formatKpiValue(props.kpi, value, council());
  const measured = () =>
    props.points.filter((point): point is TrendPoint & { value: number } => point.value !== null);

  const scale = createMemo(() => {
    const { kpi } = props;
    const points = measured();
    const first = points[0]?.periodStart ?? "";
    const last = points[points.length - 1]?.periodStart ?? first;
    const span = Math.max(monthsBetween(first, last), 1);
    const bandEdge =
      kpi.direction === "higher_is_better" ? kpi.target - kpi.tolerance : kpi.target + kpi.tolerance;
    const levels = [...points.map((point) => point.value), kpi.target, bandEdge];
    if (kpi.inadequateAt !== null) levels.push(kpi.inadequateAt);
    let low = Math.min(...levels);
    let high = Math.max(...levels);
    const pad = (high - low || Math.abs(high) || 1) * 0.1;
    low -= pad;
    high += pad;
    if (kpi.unit === "percent") {
      low = Math.max(0, low);
      high = Math.min(100, high);
    } else if (Math.min(...levels) >= 0) {
      low = Math.max(0, low);
    }
    const x = (periodStart: string) =>
      margin.left + (monthsBetween(first, periodStart) / span) * (width - margin.left - margin.right);
    const y = (value: number) =>
      margin.top + ((high - value) / (high - low)) * (height - margin.top - margin.bottom);
    const ticks = [0, 1, 2, 3].map((step) => low + ((high - low) * step) / 3);
    return { first, last, x, y, ticks, bandEdge };
  });

  const description = () => {
    const points = measured();
    const latest = points[points.length - 1];
    const counts = ratingOrder
      .map((rating) => [rating, points.filter((point) => point.rating === rating).length] as const)
      .filter(([, count]) => count > 0)
      .map(([rating, count]) => `${kpiRatingLabels[rating]} ${count}`)
      .join(", ");
    const { kpi } = props;
    return [
      `${points.length} ${points.length === 1 ? "period" : "periods"} from ${format().month(scale().first)} to ${format().month(scale().last)}.`,
      `Target ${shown(kpi.target)} (${kpi.direction === "higher_is_better" ? "higher" : "lower"} is better), approaching target within ${shown(kpi.tolerance)}.`,
      kpi.inadequateAt === null ? "" : `Inadequate at ${shown(kpi.inadequateAt)}.`,
      latest
        ? `Latest ${format().month(latest.periodStart)}: ${shown(latest.value)}, ${kpiRatingLabels[latest.rating]}.`
        : "",
      counts ? `Ratings: ${counts}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
  };

  const path = () =>
    measured()
      .map(
        (point, index) =>
          `${index === 0 ? "M" : "L"}${scale().x(point.periodStart).toFixed(1)},${scale().y(point.value).toFixed(1)}`,
      )
      .join(" ");
  const axisMonths = () => {
    const points = measured();
    const picks = [points[0], points[Math.floor((points.length - 1) / 2)], points[points.length - 1]];
    return [...new Set(picks.filter((point) => point !== undefined).map((point) => point.periodStart))];
  };
  const plotRight = width - margin.right;

  return (
    <Show
      when={measured().length > 0}
      fallback={<p class="empty">Nothing measured yet, so there is no trend to draw.</p>}
    >
      <figure class={styles.figure}>
        <svg
          class={styles.svg}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
        >
          <title id={`${id}-title`}>{props.title}</title>
          <desc id={`${id}-desc`}>{description()}</desc>
          <For each={scale().ticks}>
            {(tick) => (
              <>
                <line
                  class={styles.grid}
                  x1={margin.left}
                  x2={plotRight}
                  y1={scale().y(tick)}
                  y2={scale().y(tick)}
                />
                <text class={styles.axis} x={margin.left - 6} y={scale().y(tick) + 4} text-anchor="end">
                  {shown(tick)}
                </text>
              </>
            )}
          </For>
          <rect
            class={styles.band}
            x={margin.left}
            width={plotRight - margin.left}
            y={Math.min(scale().y(props.kpi.target), scale().y(scale().bandEdge))}
            height={Math.abs(scale().y(props.kpi.target) - scale().y(scale().bandEdge))}
          />
          <line
            class={styles.target}
            x1={margin.left}
            x2={plotRight}
            y1={scale().y(props.kpi.target)}
            y2={scale().y(props.kpi.target)}
          />
          <text
            class={styles.lineLabel}
            x={plotRight + 6}
            y={scale().y(props.kpi.target) + 4}
            fill="var(--ok-dark)"
          >
            Target
          </text>
          <Show when={props.kpi.inadequateAt}>
            {(line) => (
              <>
                <line
                  class={styles.inadequate}
                  x1={margin.left}
                  x2={plotRight}
                  y1={scale().y(line())}
                  y2={scale().y(line())}
                />
                <text class={styles.lineLabel} x={plotRight + 6} y={scale().y(line()) + 4} fill="#7a1e12">
                  Inadequate
                </text>
              </>
            )}
          </Show>
          <path class={styles.line} d={path()} />
          <For each={measured()}>
            {(point) => {
              const cx = () => scale().x(point.periodStart);
              const cy = () => scale().y(point.value);
              return point.rating === "inadequate" || point.rating === "requires_improvement" ? (
                <rect
                  x={cx() - 5}
                  y={cy() - 5}
                  width={10}
                  height={10}
                  fill={ratingColours[point.rating]}
                  stroke="#fff"
                  stroke-width={1.5}
                />
              ) : (
                <circle
                  cx={cx()}
                  cy={cy()}
                  r={5}
                  fill={ratingColours[point.rating]}
                  stroke="#fff"
                  stroke-width={1.5}
                />
              );
            }}
          </For>
          <For each={axisMonths()}>
            {(month) => (
              <text class={styles.axis} x={scale().x(month)} y={height - 8} text-anchor="middle">
                {format().month(month)}
              </text>
            )}
          </For>
        </svg>
        <ul class={styles.legend} aria-hidden="true">
          <For each={ratingOrder.filter((rating) => measured().some((point) => point.rating === rating))}>
            {(rating) => (
              <li>
                <span class={styles.swatch} style={{ background: ratingColours[rating] }} />
                {kpiRatingLabels[rating]}
              </li>
            )}
          </For>
          <li>
            <span class={styles.swatch} style={{ background: "#ffe9a8" }} />
            Approaching-target band
          </li>
        </ul>
        <table class="visually-hidden">
          <caption>{props.title}: the numbers</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Value</th>
              <th scope="col">Rating</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.points}>
              {(point) => (
                <tr>
                  <th scope="row">{format().month(point.periodStart)}</th>
                  <td>{point.value === null ? "Not measured" : shown(point.value)}</td>
                  <td>{kpiRatingLabels[point.rating]}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </figure>
    </Show>
  );
}

import { createUniqueId, For } from "solid-js";
import { useCouncil } from "../../council.tsx";
import styles from "./on-target-trend.module.css";

export type OnTargetMonth = {
  month: string;
  measured: number;
  onTarget: number;
  belowTarget: number;
  onTargetPercent: number | null;
};

const barWidth = 14;
const gap = 4;
const height = 36;

/**
 * A contract's KPI trend on the board: for each month, the share of its KPI measurements rated Good or
 * Approaching target (PR24 reg 39(5)). Accessible SVG: a title, a description with each month's figure, and
 * the numbers in a table for screen readers; a month with nothing rated shows a dash, never a zero bar.
 */
export function OnTargetTrend(props: { months: readonly OnTargetMonth[]; label: string }) {
  const { format } = useCouncil();
  const id = createUniqueId();
  const width = () => Math.max(1, props.months.length * (barWidth + gap) - gap);
  const describe = (each: OnTargetMonth) =>
    each.onTargetPercent === null
      ? `${format().month(each.month)}: nothing rated`
      : `${format().month(each.month)}: ${each.onTargetPercent}% at or near target (${each.onTarget} of ${each.onTarget + each.belowTarget})`;
  return (
    <figure class={styles.figure}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width()} ${height}`}
        width={width()}
        height={height}
      >
        <title id={`${id}-title`}>{`${props.label}: KPI measurements at or near target by month`}</title>
        <desc id={`${id}-desc`}>{`${props.months.map(describe).join("; ")}.`}</desc>
        <line x1={0} x2={width()} y1={height - 0.5} y2={height - 0.5} class={styles.baseline} />
        <For each={props.months}>
          {(each, index) => {
            const x = () => index() * (barWidth + gap);
            const share = () => each.onTargetPercent;
            return share() === null ? (
              <text x={x() + barWidth / 2} y={height - 4} text-anchor="middle" class={styles.none}>
                –
              </text>
            ) : (
              <rect
                x={x()}
                width={barWidth}
                y={height - Math.max(2, ((share() ?? 0) * height) / 100)}
                height={Math.max(2, ((share() ?? 0) * height) / 100)}
                class={
                  (share() ?? 0) >= 80 ? styles.good : (share() ?? 0) >= 50 ? styles.middling : styles.poor
                }
              />
            );
          }}
        </For>
      </svg>
      <table class="visually-hidden">
        <caption>{`${props.label}: KPI measurements at or near target by month`}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">At or near target</th>
            <th scope="col">Below target</th>
            <th scope="col">Share at or near target</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.months}>
            {(each) => (
              <tr>
                <th scope="row">{format().month(each.month)}</th>
                <td>{each.onTarget}</td>
                <td>{each.belowTarget}</td>
                <td>{each.onTargetPercent === null ? "Nothing rated" : `${each.onTargetPercent}%`}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
}

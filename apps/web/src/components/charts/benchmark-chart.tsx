import {
  type BenchmarkView,
  benchmarkFigureShown,
  benchmarkPositionLabels,
  formatKpiValue,
  type KpiDirection,
  type KpiUnit,
} from "@steward/domain";
import { createUniqueId, Show } from "solid-js";
import { useCouncil } from "../../council.tsx";
import styles from "./charts.module.css";

type Published = Extract<BenchmarkView, { state: "published" }>;

const width = 640;
const height = 96;
const margin = { left: 16, right: 16 };
const axisY = 62;

/**
 * Issue 9 §5: a published benchmark cell as a distribution across councils: the band the lowest and highest
 * councils fall in (never their exact values), the middle half (lower to upper quartile) as a box, the median
 * as a line, and this council's own figure as a marker. An SVG image with a title and a description; the
 * figures are also in a table for screen readers.
 */
export function BenchmarkChart(props: {
  title: string;
  view: Published;
  unit: KpiUnit;
  unitLabel?: string | null;
  direction: KpiDirection;
  /** Who the marker is: "Your council", or the council's figure with this supplier. */
  ownLabel: string;
}) {
  const { council } = useCouncil();
  const id = createUniqueId();
  const shown = (value: number) =>
    formatKpiValue(
      { unit: props.unit, unitLabel: props.unitLabel ?? null },
      benchmarkFigureShown(value),
      council(),
    );
  const low = () => Math.min(props.view.lowBand, props.view.own ?? props.view.lowBand);
  const high = () => Math.max(props.view.highBand, props.view.own ?? props.view.highBand);
  const x = (value: number) =>
    margin.left + ((value - low()) / (high() - low() || 1)) * (width - margin.left - margin.right);
  // The median's label stays inside the chart when the median sits at either end of it.
  const medianAnchor = () => {
    const at = x(props.view.median);
    return at < margin.left + 40 ? "start" : at > width - margin.right - 40 ? "end" : "middle";
  };
  const better = () => (props.direction === "higher_is_better" ? "Higher is better" : "Lower is better");
  const description = () =>
    [
      `${props.view.councilCount} councils.`,
      `The middle half lies from ${shown(props.view.lowerQuartile)} to ${shown(props.view.upperQuartile)}; the median is ${shown(props.view.median)}.`,
      `Every council lies between ${shown(props.view.lowBand)} and ${shown(props.view.highBand)}.`,
      props.view.own === null
        ? `${props.ownLabel}: nothing measured in the period.`
        : `${props.ownLabel}: ${shown(props.view.own)}${props.view.position ? `, ${benchmarkPositionLabels[props.view.position].toLowerCase()}` : ""}.`,
      `${better()}.`,
    ].join(" ");
  return (
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
        <line class={styles.grid} x1={x(low())} x2={x(high())} y1={axisY} y2={axisY} />
        <line
          class={styles.whisker}
          x1={x(props.view.lowBand)}
          x2={x(props.view.highBand)}
          y1={axisY - 16}
          y2={axisY - 16}
        />
        <rect
          class={styles.box}
          x={x(props.view.lowerQuartile)}
          y={axisY - 28}
          width={Math.max(2, x(props.view.upperQuartile) - x(props.view.lowerQuartile))}
          height={24}
        />
        <line
          class={styles.median}
          x1={x(props.view.median)}
          x2={x(props.view.median)}
          y1={axisY - 32}
          y2={axisY}
        />
        <text class={styles.axis} x={x(props.view.lowBand)} y={axisY + 16} text-anchor="start">
          {shown(props.view.lowBand)}
        </text>
        <text class={styles.axis} x={x(props.view.highBand)} y={axisY + 16} text-anchor="end">
          {shown(props.view.highBand)}
        </text>
        <text class={styles.axis} x={x(props.view.median)} y={axisY + 30} text-anchor={medianAnchor()}>
          median {shown(props.view.median)}
        </text>
        <Show when={props.view.own !== null ? props.view.own : undefined}>
          {(own) => (
            <>
              <path class={styles.own} d={`M ${x(own())} ${axisY - 34} l 7 -12 h -14 z`} />
              <text
                class={styles.lineLabel}
                x={x(own())}
                y={12}
                text-anchor={x(own()) > width / 2 ? "end" : "start"}
              >
                {props.ownLabel}: {shown(own())}
              </text>
            </>
          )}
        </Show>
      </svg>
      <figcaption class={styles.caption}>
        {better()}. The box is the middle half of the {props.view.councilCount} councils, the line inside it
        the median; the thin line spans the bands the lowest and highest councils fall in.
        <Show when={props.view.own !== null && props.view.position}>
          {(position) => <strong> {benchmarkPositionLabels[position()]}.</strong>}
        </Show>
      </figcaption>
      <table class="visually-hidden">
        <caption>{props.title}: the figures</caption>
        <tbody>
          <tr>
            <th scope="row">Councils</th>
            <td>{props.view.councilCount}</td>
          </tr>
          <tr>
            <th scope="row">Lower quartile</th>
            <td>{shown(props.view.lowerQuartile)}</td>
          </tr>
          <tr>
            <th scope="row">Median</th>
            <td>{shown(props.view.median)}</td>
          </tr>
          <tr>
            <th scope="row">Upper quartile</th>
            <td>{shown(props.view.upperQuartile)}</td>
          </tr>
          <tr>
            <th scope="row">{props.ownLabel}</th>
            <td>{props.view.own === null ? "Not measured in the period" : shown(props.view.own)}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}

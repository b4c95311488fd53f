import type { BenchmarkView, KpiDirection, KpiUnit } from "@steward/domain";
import { formatKpiValue } from "@steward/domain";
import { Match, Switch } from "solid-js";
import { BenchmarkChart } from "../../components/charts/benchmark-chart.tsx";
import { useCouncil } from "../../council.tsx";

/**
 * One measure's benchmark: the distribution with the council's own position, or plainly why there is none
 * (issue 9 §5: "fewer than 5 councils measure this; nothing can be shown").
 */
export function BenchmarkFigure(props: {
  title: string;
  view: BenchmarkView;
  unit: KpiUnit;
  unitLabel?: string | null;
  direction: KpiDirection;
  ownLabel: string;
}) {
  const { council } = useCouncil();
  const own = () =>
    props.view.own === null
      ? null
      : formatKpiValue(
          { unit: props.unit, unitLabel: props.unitLabel ?? null },
          Math.round(props.view.own * 10) / 10,
          council(),
        );
  return (
    <Switch>
      <Match when={props.view.state === "published" && props.view}>
        {(view) => (
          <BenchmarkChart
            title={props.title}
            view={view() as Extract<BenchmarkView, { state: "published" }>}
            unit={props.unit}
            unitLabel={props.unitLabel ?? null}
            direction={props.direction}
            ownLabel={props.ownLabel}
          />
        )}
      </Match>
      <Match when={props.view.state !== "published" && props.view}>
        {(view) => (
          <div class="benchmark-suppressed">
            <p>{(view() as Extract<BenchmarkView, { state: "none" | "suppressed" }>).message}</p>
            <p class="cell-meta">
              {own() === null
                ? `${props.ownLabel}: nothing measured in the period.`
                : `${props.ownLabel}: ${own()}.`}
            </p>
          </div>
        )}
      </Match>
    </Switch>
  );
}

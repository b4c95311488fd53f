import { For } from "solid-js";
import type { Choice } from "./choice-select.tsx";

/** A fieldset of radio buttons for a short list of fixed choices (the arrow keys move between them). */
export function RadioGroup<V extends string>(props: {
  name: string;
  legend: string;
  choices: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset class="fieldset fieldset--plain">
      <legend class="fieldset__legend">{props.legend}</legend>
      <For each={props.choices}>
        {(choice) => (
          <div class="radio">
            <input
              class="radio__input"
              type="radio"
              id={`${props.name}-${choice.value}`}
              name={props.name}
              checked={props.value === choice.value}
              onChange={() => props.onChange(choice.value)}
            />
            <label class="radio__label" for={`${props.name}-${choice.value}`}>
              {choice.label}
            </label>
          </div>
        )}
      </For>
    </fieldset>
  );
}

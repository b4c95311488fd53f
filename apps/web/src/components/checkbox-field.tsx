import { Show } from "solid-js";

/** One checkbox with its label beside it and an optional hint below (GOV.UK checkbox pattern). */
export function CheckboxField(props: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div class="checkbox">
      <input
        class="checkbox__input"
        type="checkbox"
        id={props.id}
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label class="checkbox__label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p class="hint checkbox__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
    </div>
  );
}

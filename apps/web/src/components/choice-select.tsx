import { Select } from "@kobalte/core/select";
import { Show } from "solid-js";

export interface Choice<V extends string> {
  value: V;
  label: string;
}

/**
 * A Kobalte select of fixed choices: a listbox with typeahead and arrow keys,
 * labelled, hinted and error-linked. Its focusable part is `${id}-trigger`, the id an error summary links to.
 * An optional answer offers an explicit choice (such as "Not recorded") rather than an empty selection.
 */
export function ChoiceSelect<V extends string>(props: {
  id: string;
  label: string;
  hint?: string;
  /** Hide the label visually (in a table row, where the column heading says it); screen readers keep it. */
  hideLabel?: boolean;
  choices: readonly Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
  error?: string | undefined;
  placeholder?: string;
  disabled?: boolean;
  /** A smaller trigger, for filters and tables. */
  compact?: boolean;
  /**
   * Inside a modal dialog, render the list in place: a dialog hides everything outside itself from assistive
   * technology, and a list portalled to the body could land among what it hides.
   */
  inDialog?: boolean;
}) {
  const list = () => (
    <Select.Content class="select__content">
      <Select.Listbox class="select__listbox" />
    </Select.Content>
  );
  const selected = () => props.choices.find((choice) => choice.value === props.value) ?? null;
  return (
    <Select<Choice<V>>
      id={props.id}
      class="field select"
      classList={{ "field--error": Boolean(props.error), "select--compact": props.compact === true }}
      options={[...props.choices]}
      // Kobalte does not select an option whose key is "" (an explicit "none" choice here): key it otherwise.
      optionValue={(choice) => (choice.value === "" ? "(none)" : choice.value)}
      optionTextValue="label"
      value={selected()}
      onChange={(choice) => {
        if (choice) props.onChange(choice.value);
      }}
      disallowEmptySelection
      disabled={props.disabled ?? false}
      validationState={props.error ? "invalid" : "valid"}
      placeholder={props.placeholder ?? "Choose one"}
      gutter={4}
      itemComponent={(item) => (
        <Select.Item item={item.item} class="select__item">
          <Select.ItemLabel>{item.item.rawValue.label}</Select.ItemLabel>
          <Select.ItemIndicator class="select__indicator">✓</Select.ItemIndicator>
        </Select.Item>
      )}
    >
      <Select.Label class="label" classList={{ "visually-hidden": props.hideLabel === true }}>
        {props.label}
      </Select.Label>
      <Show when={props.hint}>
        <Select.Description class="hint">{props.hint}</Select.Description>
      </Show>
      <Show when={props.error}>
        <Select.ErrorMessage class="field-error">
          <span class="visually-hidden">Error: </span>
          {props.error}
        </Select.ErrorMessage>
      </Show>
      <Select.Trigger class="select__trigger">
        <Select.Value<Choice<V>> class="select__value">
          {(state) => state.selectedOption().label}
        </Select.Value>
        <Select.Icon class="select__icon" aria-hidden="true">
          ▾
        </Select.Icon>
      </Select.Trigger>
      <Show when={!props.inDialog} fallback={list()}>
        <Select.Portal>{list()}</Select.Portal>
      </Show>
    </Select>
  );
}

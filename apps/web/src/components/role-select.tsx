import { Select } from "@kobalte/core/select";
import { type Role, roleLabels, roles } from "@steward/domain";
import { Show } from "solid-js";

interface RoleOption {
  value: Role;
  label: string;
}

const options: RoleOption[] = roles.map((role) => ({ value: role, label: roleLabels[role] }));
const optionFor = (role: Role | null) => options.find((option) => option.value === role) ?? null;

/** A Kobalte select of council roles: a listbox with typeahead and arrow keys, labelled and error-linked. */
export function RoleSelect(props: {
  id: string;
  label: string;
  /** Hide the label visually (in a table row, where the column heading says it); screen readers keep it. */
  hideLabel?: boolean;
  value: Role | null;
  onChange: (role: Role) => void;
  error?: string | undefined;
  placeholder?: string;
  disabled?: boolean;
}) {
  return (
    <Select<RoleOption>
      id={props.id}
      class="field select"
      classList={{ "field--error": Boolean(props.error) }}
      options={options}
      optionValue="value"
      optionTextValue="label"
      value={optionFor(props.value)}
      onChange={(option) => {
        if (option) props.onChange(option.value);
      }}
      disallowEmptySelection
      disabled={props.disabled ?? false}
      validationState={props.error ? "invalid" : "valid"}
      placeholder={props.placeholder ?? "Choose a role"}
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
      <Show when={props.error}>
        <Select.ErrorMessage class="field-error">
          <span class="visually-hidden">Error: </span>
          {props.error}
        </Select.ErrorMessage>
      </Show>
      <Select.Trigger class="select__trigger">
        <Select.Value<RoleOption> class="select__value">
          {(state) => state.selectedOption().label}
        </Select.Value>
        <Select.Icon class="select__icon" aria-hidden="true">
          ▾
        </Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content class="select__content">
          <Select.Listbox class="select__listbox" />
        </Select.Content>
      </Select.Portal>
    </Select>
  );
}

import { Combobox } from "@kobalte/core/combobox";
import { createSignal, Show } from "solid-js";
import { councilQuery } from "../council-query.ts";
import { answer } from "../query.ts";
import { createDebounced } from "./debounce.ts";

export interface SupplierChoice {
  id: string;
  name: string;
}

/**
 * Chooses one of the council's suppliers by typing part of its name or registration number (Kobalte
 * Combobox: arrow keys, Enter, Escape). The server searches, so a register with thousands of suppliers
 * works; the choice stays listed while other results come and go. `noneLabel` offers an explicit "none"
 * (for a filter, "Any supplier"). The input's id is `${id}-input`, the one an error summary links to.
 */
export function SupplierPicker(props: {
  id: string;
  label: string;
  hint?: string;
  value: SupplierChoice | null;
  onChange: (supplier: SupplierChoice | null) => void;
  noneLabel: string;
  error?: string | undefined;
  compact?: boolean;
}) {
  const none: SupplierChoice = { id: "", name: props.noneLabel };
  const [search, setSearch] = createSignal("");
  const searchLater = createDebounced(setSearch, 250);
  const found = councilQuery(
    (procedures) => procedures.suppliers.list({ search: search() || undefined, pageSize: 20 }),
    { keepPrevious: true },
  );
  const options = () => {
    const results = (answer(found)?.rows ?? []).map((row) => ({ id: row.id, name: row.name }));
    const chosen = props.value && !results.some((row) => row.id === props.value?.id) ? [props.value] : [];
    return [none, ...chosen, ...results];
  };
  const more = () => {
    const total = answer(found)?.total ?? 0;
    const shown = answer(found)?.rows.length ?? 0;
    return total > shown ? total - shown : 0;
  };
  return (
    <Combobox<SupplierChoice>
      id={props.id}
      class="field select combobox"
      classList={{ "field--error": Boolean(props.error), "select--compact": props.compact === true }}
      options={options()}
      optionValue="id"
      optionLabel="name"
      optionTextValue="name"
      value={props.value ?? none}
      onChange={(supplier) => props.onChange(supplier && supplier.id !== "" ? supplier : null)}
      onInputChange={(text) => {
        // The label of the chosen supplier is put back in the input on blur: not a search.
        searchLater.schedule(text === props.value?.name || text === props.noneLabel ? "" : text.trim());
      }}
      defaultFilter={() => true}
      validationState={props.error ? "invalid" : "valid"}
      placeholder="Type to search"
      gutter={4}
      itemComponent={(item) => (
        <Combobox.Item item={item.item} class="select__item">
          <Combobox.ItemLabel>{item.item.rawValue.name}</Combobox.ItemLabel>
          <Combobox.ItemIndicator class="select__indicator">✓</Combobox.ItemIndicator>
        </Combobox.Item>
      )}
    >
      <Combobox.Label class="label">{props.label}</Combobox.Label>
      <Show when={props.hint}>
        <Combobox.Description class="hint">{props.hint}</Combobox.Description>
      </Show>
      <Show when={props.error}>
        <Combobox.ErrorMessage class="field-error">
          <span class="visually-hidden">Error: </span>
          {props.error}
        </Combobox.ErrorMessage>
      </Show>
      <Combobox.Control class="combobox__control">
        <Combobox.Input class="combobox__input" />
        <Combobox.Trigger class="combobox__trigger" aria-label={`Show ${props.label.toLowerCase()} choices`}>
          <Combobox.Icon class="select__icon">▾</Combobox.Icon>
        </Combobox.Trigger>
      </Combobox.Control>
      <Combobox.Portal>
        <Combobox.Content class="select__content">
          <Combobox.Listbox class="select__listbox" />
          <Show when={more() > 0}>
            <p class="select__more">{more()} more: type more of the name to narrow the list.</p>
          </Show>
        </Combobox.Content>
      </Combobox.Portal>
    </Combobox>
  );
}

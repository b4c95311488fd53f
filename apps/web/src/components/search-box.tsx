import { createEffect, createSignal, type JSX, on } from "solid-js";
import { createDebounced } from "./debounce.ts";
import { Field } from "./field.tsx";

/**
 * A search box whose text lives in the URL: it searches as the user types (after a pause) or on Enter, and
 * follows the URL when back, forward or "clear filters" change it.
 */
export function SearchBox(props: {
  id: string;
  label: string;
  hint: string;
  /** The search in the URL now. */
  value: string;
  onSearch: (text: string) => void;
  /** More filters, inside the same form after the box. */
  children?: JSX.Element;
}) {
  const [text, setText] = createSignal(props.value);
  createEffect(on(() => props.value, setText, { defer: true }));
  const search = createDebounced((value: string) => {
    if (value.trim() !== props.value.trim()) props.onSearch(value.trim());
  }, 300);
  return (
    <form
      class="filters"
      onSubmit={(event) => {
        event.preventDefault();
        search.now(text());
      }}
    >
      <Field
        id={props.id}
        name="q"
        type="search"
        label={props.label}
        hint={props.hint}
        value={text()}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => {
          setText(event.currentTarget.value);
          search.schedule(event.currentTarget.value);
        }}
      />
      {props.children}
    </form>
  );
}

import { type JSX, Show, splitProps } from "solid-js";

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "aria-describedby">;

/**
 * A labelled text input. Its hint and error are tied to it with aria-describedby, and aria-invalid marks it,
 * so a screen reader reads the error when the field takes focus.
 */
export function Field(
  props: InputProps & { id: string; name: string; label: string; hint?: string; error?: string | undefined },
) {
  const [own, input] = splitProps(props, ["id", "name", "label", "hint", "error"]);
  const describedBy = () =>
    [own.hint ? `${own.id}-hint` : null, own.error ? `${own.id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div class="field" classList={{ "field--error": Boolean(own.error) }}>
      <label class="label" for={own.id}>
        {own.label}
      </label>
      <Show when={own.hint}>
        <p class="hint" id={`${own.id}-hint`}>
          {own.hint}
        </p>
      </Show>
      <Show when={own.error}>
        <p class="field-error" id={`${own.id}-error`}>
          <span class="visually-hidden">Error: </span>
          {own.error}
        </p>
      </Show>
      <input
        class="input"
        type="text"
        {...input}
        id={own.id}
        name={own.name}
        aria-describedby={describedBy()}
        aria-invalid={own.error ? "true" : undefined}
      />
    </div>
  );
}

import { type JSX, splitProps } from "solid-js";
import { describedBy, FieldMessages } from "./field-messages.tsx";

type TextareaProps = Omit<
  JSX.TextareaHTMLAttributes<HTMLTextAreaElement>,
  "id" | "name" | "aria-describedby"
>;

/** A labelled multi-line text box; hint and error tied to it as in Field. */
export function TextareaField(
  props: TextareaProps & {
    id: string;
    name: string;
    label: string;
    hint?: string;
    error?: string | undefined;
  },
) {
  const [own, textarea] = splitProps(props, ["id", "name", "label", "hint", "error"]);
  return (
    <div class="field" classList={{ "field--error": Boolean(own.error) }}>
      <label class="label" for={own.id}>
        {own.label}
      </label>
      <FieldMessages id={own.id} hint={own.hint} error={own.error} />
      <textarea
        class="input textarea"
        rows={4}
        {...textarea}
        id={own.id}
        name={own.name}
        aria-describedby={describedBy(own.id, own.hint, own.error)}
        aria-invalid={own.error ? "true" : undefined}
      />
    </div>
  );
}

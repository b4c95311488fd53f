import { type JSX, splitProps } from "solid-js";
import { useCouncil } from "../council.tsx";
import { describedBy, FieldMessages } from "./field-messages.tsx";
import { currencySymbol } from "./money.ts";

type InputProps = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "aria-describedby" | "type" | "inputmode"
>;

/**
 * A money amount as text, with the council's currency symbol before it (GOV.UK prefix pattern). The symbol
 * is aria-hidden: the label names the currency for screen readers.
 */
export function MoneyField(
  props: InputProps & {
    id: string;
    name: string;
    label: string;
    hint?: string;
    error?: string | undefined;
    currency?: string;
  },
) {
  const { council } = useCouncil();
  const [own, input] = splitProps(props, ["id", "name", "label", "hint", "error", "currency"]);
  const currency = () => own.currency ?? council().currency;
  const symbol = () => currencySymbol(currency(), council().locale);
  return (
    <div class="field" classList={{ "field--error": Boolean(own.error) }}>
      <label class="label" for={own.id}>
        {own.label} <span class="visually-hidden">in {currency()}</span>
      </label>
      <FieldMessages id={own.id} hint={own.hint} error={own.error} />
      <div class="input-prefix">
        <span class="input-prefix__symbol" aria-hidden="true">
          {symbol()}
        </span>
        <input
          class="input input--money"
          autocomplete="off"
          spellcheck={false}
          {...input}
          type="text"
          inputmode="decimal"
          id={own.id}
          name={own.name}
          aria-describedby={describedBy(own.id, own.hint, own.error)}
          aria-invalid={own.error ? "true" : undefined}
        />
      </div>
    </div>
  );
}

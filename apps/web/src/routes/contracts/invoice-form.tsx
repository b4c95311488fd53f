import { createSignal, Show } from "solid-js";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { readMoneyText } from "../../components/money.ts";
import { MoneyField } from "../../components/money-field.tsx";
import { councilMutations } from "../../council-query.ts";
import type { Scope } from "../../query.ts";

const fieldIds = {
  "invoice.invoiceNumber": "invoice-number",
  "invoice.amountMinor": "invoice-amount",
  "invoice.receivedOn": "invoice-received",
  "invoice.dueOn": "invoice-due",
  "invoice.paidOn": "invoice-paid",
};

/** Today in the reader's calendar, as a date input writes it. */
export function todayIso(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An invoice changes the contract's payment figures and compliance, shown on its page and the register's. */
export const invoiceChanges: Scope[] = ["invoices", "contracts"];

export function InvoiceForm(props: {
  contractId: string;
  currency: string;
  onRecorded: (invoiceNumber: string) => void;
}) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const [number, setNumber] = createSignal("");
  const [amount, setAmount] = createSignal("");
  const [receivedOn, setReceivedOn] = createSignal("");
  const [dueOn, setDueOn] = createSignal("");
  const [paidOn, setPaidOn] = createSignal("");
  const error = (name: string) => submission.fieldError(`invoice.${name}`);

  const submit = async () => {
    const result = await submission.submit(async () => {
      const reading = readMoneyText(amount());
      if (!reading.ok || reading.minor === null) {
        throw new FormProblem("Enter the invoice amount.", {
          "invoice.amountMinor": reading.ok ? "Enter the invoice amount." : reading.message,
        });
      }
      if (receivedOn() === "") {
        throw new FormProblem("Enter the date the invoice was received.", {
          "invoice.receivedOn": "Enter the date the invoice was received.",
        });
      }
      const amountMinor = reading.minor;
      return mutate(
        (procedures) =>
          procedures.invoices.create({
            contractId: props.contractId,
            invoice: {
              invoiceNumber: number(),
              amountMinor,
              receivedOn: receivedOn(),
              dueOn: dueOn() || null,
              paidOn: paidOn() || null,
            },
            idempotencyKey: key.current(),
          }),
        invoiceChanges,
      );
    });
    if (!result.ok) return;
    key.renew();
    const recorded = number().trim();
    for (const clear of [setNumber, setAmount, setReceivedOn, setDueOn, setPaidOn]) clear("");
    props.onRecorded(recorded);
  };

  return (
    <section class="panel" aria-labelledby="add-invoice-heading">
      <h2 id="add-invoice-heading">Add an invoice</h2>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
      </Show>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div class="field-grid">
          <Field
            id="invoice-number"
            name="invoiceNumber"
            label="Supplier's invoice number"
            class="input input--short"
            autocomplete="off"
            value={number()}
            onInput={(event) => setNumber(event.currentTarget.value)}
            error={error("invoiceNumber")}
          />
          <MoneyField
            id="invoice-amount"
            name="amount"
            label="Amount"
            currency={props.currency}
            value={amount()}
            onInput={(event) => setAmount(event.currentTarget.value)}
            error={error("amountMinor")}
          />
        </div>
        <div class="field-grid">
          <Field
            id="invoice-received"
            name="receivedOn"
            label="Received"
            type="date"
            class="input input--date"
            value={receivedOn()}
            onInput={(event) => setReceivedOn(event.currentTarget.value)}
            error={error("receivedOn")}
          />
          <Field
            id="invoice-due"
            name="dueOn"
            label="Due (optional)"
            type="date"
            class="input input--date"
            value={dueOn()}
            onInput={(event) => setDueOn(event.currentTarget.value)}
            error={error("dueOn")}
          />
          <Field
            id="invoice-paid"
            name="paidOn"
            label="Paid (optional)"
            type="date"
            class="input input--date"
            value={paidOn()}
            onInput={(event) => setPaidOn(event.currentTarget.value)}
            error={error("paidOn")}
          />
        </div>
        <div class="button-row">
          <button type="submit" class="button" disabled={submission.pending()}>
            {submission.pending() ? "Adding…" : "Add invoice"}
          </button>
        </div>
      </form>
    </section>
  );
}

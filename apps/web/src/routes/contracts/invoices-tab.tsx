import { invoiceStandingLabels } from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Field } from "../../components/field.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { type Answer, type Client, describeProblem } from "../../trpc.ts";
import type { ContractDetail } from "./contract-detail.ts";
import { InvoiceForm, invoiceChanges, todayIso } from "./invoice-form.tsx";

type Invoices = Answer<Client["invoices"]["list"]>;
type Invoice = Invoices["invoices"][number];

/**
 * Invoices with their deadline, days to pay and standing under the council's payment term (PA23 s.68(2) in
 * England, MFMA s.65(2)(e) in South Africa), disputes, and spend against value.
 */
export function InvoicesTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const mutate = councilMutations();
  const invoices = councilQuery((procedures) =>
    procedures.invoices.list({ contractId: props.detail.contract.id }),
  );
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);

  const markPaid = (invoice: Invoice) => {
    const [paidOn, setPaidOn] = createSignal(todayIso());
    setConfirmation({
      title: `Mark invoice ${invoice.invoiceNumber} as paid?`,
      description: (
        <>
          <p>
            {format().money(invoice.amountMinor)}, received {format().date(invoice.receivedOn)}.
          </p>
          <Field
            id="paid-on"
            name="paidOn"
            label="Date paid"
            type="date"
            class="input input--date"
            value={paidOn()}
            onInput={(event) => setPaidOn(event.currentTarget.value)}
          />
        </>
      ),
      confirmLabel: "Mark as paid",
      run: async () => {
        await mutate(
          (procedures) =>
            procedures.invoices.update({
              invoiceId: invoice.id,
              version: invoice.version,
              invoice: {
                invoiceNumber: invoice.invoiceNumber,
                amountMinor: invoice.amountMinor,
                receivedOn: invoice.receivedOn,
                dueOn: invoice.dueOn,
                paidOn: paidOn(),
              },
            }),
          invoiceChanges,
        );
        props.announce(`Invoice ${invoice.invoiceNumber} is marked as paid.`);
      },
    });
  };

  const markDisputed = (invoice: Invoice) => {
    const [disputedOn, setDisputedOn] = createSignal(todayIso());
    const [reason, setReason] = createSignal("");
    const [errors, setErrors] = createSignal<Record<string, string>>({});
    setConfirmation({
      title: `Mark invoice ${invoice.invoiceNumber} as disputed?`,
      description: (
        <>
          <p>
            While it is disputed it is left out of lateness. Tell the supplier what is disputed without undue
            delay, and clear the dispute once it is settled.
          </p>
          <Field
            id="disputed-on"
            name="disputedOn"
            label="Disputed since"
            type="date"
            class="input input--date"
            value={disputedOn()}
            error={errors()["dispute.disputedOn"]}
            onInput={(event) => setDisputedOn(event.currentTarget.value)}
          />
          <TextareaField
            id="dispute-reason"
            name="reason"
            label="What is disputed"
            value={reason()}
            error={errors()["dispute.reason"]}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </>
      ),
      confirmLabel: "Mark as disputed",
      run: async () => {
        try {
          await mutate(
            (procedures) =>
              procedures.invoices.setDispute({
                invoiceId: invoice.id,
                version: invoice.version,
                dispute: { disputedOn: disputedOn(), reason: reason() },
              }),
            invoiceChanges,
          );
        } catch (error) {
          setErrors(describeProblem(error).fieldErrors);
          throw error;
        }
        props.announce(`Invoice ${invoice.invoiceNumber} is marked as disputed.`);
      },
    });
  };

  const clearDispute = (invoice: Invoice) =>
    setConfirmation({
      title: `Clear the dispute on invoice ${invoice.invoiceNumber}?`,
      description: (
        <p>It counts towards lateness again, from its deadline of {format().date(invoice.deadline)}.</p>
      ),
      confirmLabel: "Clear the dispute",
      run: async () => {
        await mutate(
          (procedures) =>
            procedures.invoices.setDispute({
              invoiceId: invoice.id,
              version: invoice.version,
              dispute: null,
            }),
          invoiceChanges,
        );
        props.announce(`The dispute on invoice ${invoice.invoiceNumber} is cleared.`);
      },
    });

  return (
    <>
      <h2>Invoices</h2>
      <Query query={invoices} loading="Loading invoices…">
        {(found) => (
          <>
            <PaymentSummary found={found()} />
            <Show
              when={found().invoices.length > 0}
              fallback={<p class="empty">No invoices have been recorded for this contract.</p>}
            >
              <TableWrap label="Invoices table">
                <table class="table">
                  <caption class="visually-hidden">Invoices for this contract</caption>
                  <thead>
                    <tr>
                      <th scope="col">Invoice</th>
                      <th scope="col" class="cell-numeric">
                        Amount
                      </th>
                      <th scope="col">Received</th>
                      <th scope="col">Due</th>
                      <th scope="col">Pay by</th>
                      <th scope="col">Paid</th>
                      <th scope="col" class="cell-numeric">
                        Days to pay
                      </th>
                      <th scope="col">Standing</th>
                      <Show when={can("invoices:write")}>
                        <th scope="col">
                          <span class="visually-hidden">Actions</span>
                        </th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={found().invoices}>
                      {(invoice) => (
                        <tr>
                          <th scope="row">{invoice.invoiceNumber}</th>
                          <td class="cell-numeric cell-nowrap">{format().money(invoice.amountMinor)}</td>
                          <td class="cell-nowrap">{format().date(invoice.receivedOn)}</td>
                          <td class="cell-nowrap">{invoice.dueOn ? format().date(invoice.dueOn) : "—"}</td>
                          <td class="cell-nowrap">{format().date(invoice.deadline)}</td>
                          <td class="cell-nowrap">{invoice.paidOn ? format().date(invoice.paidOn) : "—"}</td>
                          <td class="cell-numeric">{invoice.daysToPay === null ? "—" : invoice.daysToPay}</td>
                          <td>
                            <span class={`tag tag--invoice-${invoice.standing}`}>
                              {invoiceStandingLabels[invoice.standing]}
                            </span>
                            <Show when={invoice.disputeReason}>
                              {(reason) => (
                                <span class="cell-meta">
                                  Since {format().date(invoice.disputedOn ?? invoice.receivedOn)}: {reason()}
                                </span>
                              )}
                            </Show>
                          </td>
                          <Show when={can("invoices:write")}>
                            <td class="cell-actions">
                              <div class="button-row button-row--cell">
                                <Show when={!invoice.paidOn}>
                                  <button
                                    type="button"
                                    class="button button--secondary button--small"
                                    onClick={() => markPaid(invoice)}
                                  >
                                    Mark as paid
                                    <span class="visually-hidden"> invoice {invoice.invoiceNumber}</span>
                                  </button>
                                </Show>
                                <Show
                                  when={invoice.disputedOn}
                                  fallback={
                                    <button
                                      type="button"
                                      class="button button--secondary button--small"
                                      onClick={() => markDisputed(invoice)}
                                    >
                                      Mark disputed
                                      <span class="visually-hidden"> invoice {invoice.invoiceNumber}</span>
                                    </button>
                                  }
                                >
                                  <button
                                    type="button"
                                    class="button button--secondary button--small"
                                    onClick={() => clearDispute(invoice)}
                                  >
                                    Clear dispute
                                    <span class="visually-hidden"> on invoice {invoice.invoiceNumber}</span>
                                  </button>
                                </Show>
                              </div>
                            </td>
                          </Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
            </Show>
          </>
        )}
      </Query>
      <Show when={can("invoices:write")}>
        <InvoiceForm
          contractId={props.detail.contract.id}
          currency={props.detail.contract.currency}
          onRecorded={(number) => props.announce(`Invoice ${number} has been recorded.`)}
        />
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}

function PaymentSummary(props: { found: Invoices }) {
  const { format } = useCouncil();
  const payments = () => props.found.compliance;
  const spend = () => props.found.spend;
  const undisputedPaid = () => payments().paidOnTimeCount + payments().paidLateCount;
  return (
    <>
      <p class="hint">{payments().rule.term}</p>
      <dl class="stat-list">
        <div class="stat">
          <dt>{payments().rule.onTimeLabel}</dt>
          <dd>
            {payments().percentPaidOnTime === null ? "—" : `${payments().percentPaidOnTime}%`}
            <span class="stat__meta">
              {payments().paidOnTimeCount} of {undisputedPaid()} paid{" "}
              {undisputedPaid() === 1 ? "invoice" : "invoices"} not disputed
            </span>
          </dd>
        </div>
        <div class="stat">
          <dt>Unpaid past the deadline</dt>
          <dd>
            {payments().unpaidLateCount}
            <span class="stat__meta">not disputed</span>
          </dd>
        </div>
        <div class="stat">
          <dt>Disputed</dt>
          <dd>
            {payments().disputedCount}
            <span class="stat__meta">left out of lateness</span>
          </dd>
        </div>
        <div class="stat">
          <dt>Average days to pay</dt>
          <dd>
            {payments().averageDaysToPay ?? "—"}
            <span class="stat__meta">counted from the day after receipt</span>
          </dd>
        </div>
        <div class="stat">
          <dt>Invoiced so far</dt>
          <dd>
            {format().money(spend().spentMinor)}
            <Show when={spend().percent !== null}>
              <span class="stat__meta">{spend().percent}% of the total value</span>
            </Show>
          </dd>
        </div>
      </dl>
      <Show when={spend().warning}>
        {(warning) => (
          <div
            class="notice"
            classList={{ "notice--error": spend().overValue, "notice--warning": !spend().overValue }}
          >
            <p>{warning()}</p>
          </div>
        )}
      </Show>
    </>
  );
}

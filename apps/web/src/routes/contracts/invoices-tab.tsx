import { createResource, createSignal, For, Show } from "solid-js";
import { Async } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Field } from "../../components/field.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import type { Answer, Client } from "../../trpc.ts";
import type { ContractDetail } from "./contract-detail.ts";
import { InvoiceForm, todayIso } from "./invoice-form.tsx";

type Invoices = Answer<Client["invoices"]["list"]>;
type Invoice = Invoices["invoices"][number];

/** Invoices with days to pay and 30-day compliance (Procurement Act s.68–70), and spend against value. */
export function InvoicesTab(props: {
  detail: ContractDetail;
  onChanged: () => Promise<void>;
  announce: (message: string) => void;
}) {
  const { api, council, can, format } = useCouncil();
  const [invoices, { refetch }] = createResource(
    () => ({ tenantId: council().tenantId, contractId: props.detail.contract.id }),
    ({ contractId }) => api().invoices.list.query({ contractId }),
  );
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const afterChange = async (message: string) => {
    await Promise.all([refetch(), props.onChanged()]);
    props.announce(message);
  };

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
        await api().invoices.update.mutate({
          invoiceId: invoice.id,
          version: invoice.version,
          invoice: {
            invoiceNumber: invoice.invoiceNumber,
            amountMinor: invoice.amountMinor,
            receivedOn: invoice.receivedOn,
            dueOn: invoice.dueOn,
            paidOn: paidOn(),
          },
        });
        await afterChange(`Invoice ${invoice.invoiceNumber} is marked as paid.`);
      },
    });
  };

  return (
    <>
      <h2>Invoices</h2>
      <Async resource={invoices} loading="Loading invoices…" retry={() => void refetch()}>
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
                      <th scope="col">Paid</th>
                      <th scope="col" class="cell-numeric">
                        Days to pay
                      </th>
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
                          <td class="cell-nowrap">
                            {invoice.paidOn ? (
                              format().date(invoice.paidOn)
                            ) : (
                              <span class="tag tag--inactive">Unpaid</span>
                            )}
                          </td>
                          <td class="cell-numeric">
                            {invoice.daysToPay === null ? "—" : invoice.daysToPay}
                            <Show when={invoice.daysToPay !== null && invoice.daysToPay > 30}>
                              <span class="tag tag--warning">late</span>
                            </Show>
                          </td>
                          <Show when={can("invoices:write")}>
                            <td class="cell-actions">
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
      </Async>
      <Show when={can("invoices:write")}>
        <InvoiceForm
          contractId={props.detail.contract.id}
          currency={props.detail.contract.currency}
          onRecorded={(number) => afterChange(`Invoice ${number} has been recorded.`)}
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
  return (
    <>
      <dl class="stat-list">
        <div class="stat">
          <dt>Paid within 30 days</dt>
          <dd>
            {payments().percentWithin30 === null ? "—" : `${payments().percentWithin30}%`}
            <span class="stat__meta">
              {payments().paidWithin30Count} of {payments().paidCount} paid
            </span>
          </dd>
        </div>
        <div class="stat">
          <dt>Average days to pay</dt>
          <dd>{payments().averageDaysToPay ?? "—"}</dd>
        </div>
        <div class="stat">
          <dt>Unpaid over 30 days</dt>
          <dd>{payments().overdueUnpaidCount}</dd>
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

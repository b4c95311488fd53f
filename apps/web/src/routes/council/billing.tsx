import { type BillingInterval, moduleLabels } from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Answer, Client } from "../../trpc.ts";
import { planChoices } from "../operator/licence-fields.tsx";
import { OfflineNotice, standingLabels } from "../operator/licence-labels.tsx";

type Overview = Answer<Client["billing"]["overview"]>;

/** `/t/:slug/billing` (admins): the licence, seats, invoices, and paying through Stripe (issue 11 §7). */
export function Billing() {
  const { council, can } = useCouncil();
  return (
    <>
      <PageHeading title="Billing" caption={council().name} />
      <Show
        when={can("billing:manage")}
        fallback={<p>Only the council's admins see billing. Ask one of them about the council's licence.</p>}
      >
        <BillingOverview />
      </Show>
    </>
  );
}

function BillingOverview() {
  const { format } = useCouncil();
  const overview = councilQuery((procedures) => procedures.billing.overview());
  return (
    <Query query={overview} loading="Loading the licence…">
      {(found) => (
        <>
          <Show when={found().offline}>
            <OfflineNotice />
          </Show>
          <Show when={found().standing.kind !== "good"}>
            <p class="notice notice--error" role="note">
              {found().standing.kind === "grace"
                ? `A payment is overdue. Steward keeps working until ${format().date(
                    (found().standing as { graceEndsOn: string }).graceEndsOn,
                  )}, then turns read-only until it is paid.`
                : (found().standing as { reason: string }).reason}
            </p>
          </Show>
          <section aria-labelledby="licence-heading">
            <h2 id="licence-heading">Licence</h2>
            <Show when={found().licence} fallback={<p class="empty">This council has no licence yet.</p>}>
              {(licence) => (
                <dl class="summary-list">
                  <div class="summary-list__row">
                    <dt>Plan</dt>
                    <dd>
                      {licence().planName}:{" "}
                      {licence()
                        .modules.map((module) => moduleLabels[module].replace(/^The /, "the "))
                        .join(", ")}
                    </dd>
                  </div>
                  <div class="summary-list__row">
                    <dt>Seats</dt>
                    <dd>
                      {found().seatsUsed} used of {licence().seats} (
                      {Math.max(0, licence().seats - found().seatsUsed)} available)
                    </dd>
                  </div>
                  <div class="summary-list__row">
                    <dt>State</dt>
                    <dd>{licence().suspended ? "Suspended" : standingLabels[found().standing.kind]}</dd>
                  </div>
                  <div class="summary-list__row">
                    <dt>Started</dt>
                    <dd>{format().date(licence().startsOn)}</dd>
                  </div>
                  <div class="summary-list__row">
                    <dt>Ends</dt>
                    <dd>{licence().endsOn ? format().date(licence().endsOn ?? "") : "Open-ended"}</dd>
                  </div>
                  <div class="summary-list__row">
                    <dt>Grace period</dt>
                    <dd>{found().graceDays} days after a failed payment</dd>
                  </div>
                  <div class="summary-list__row">
                    <dt>Purchase order</dt>
                    <dd>{licence().poNumber ?? "None recorded"}</dd>
                  </div>
                  <div class="summary-list__row">
                    <dt>Kept by</dt>
                    <dd>
                      {licence().source === "stripe"
                        ? `Stripe (${licence().collection === "send_invoice" ? "paid by invoice" : "paid by card"})`
                        : "The platform operator, by hand"}
                    </dd>
                  </div>
                </dl>
              )}
            </Show>
          </section>
          <NextInvoice overview={found()} />
          <Show when={!found().offline}>
            <StripeActions overview={found()} />
          </Show>
          <section aria-labelledby="invoices-heading">
            <h2 id="invoices-heading">Invoices</h2>
            <Show
              when={found().invoices.length > 0}
              fallback={
                <p class="empty">
                  {found().offline
                    ? "No invoices here: in offline mode the platform operator invoices the council directly."
                    : "No invoices yet."}
                </p>
              }
            >
              <TableWrap label="Invoices">
                <table class="table">
                  <caption class="visually-hidden">The council's invoices</caption>
                  <thead>
                    <tr>
                      <th scope="col">Invoice</th>
                      <th scope="col">Issued</th>
                      <th scope="col">Due</th>
                      <th scope="col">Amount</th>
                      <th scope="col">Status</th>
                      <th scope="col">PO number</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={found().invoices}>
                      {(invoice) => (
                        <tr>
                          <th scope="row">
                            <Show
                              when={invoice.invoicePdfUrl ?? invoice.hostedInvoiceUrl}
                              fallback={invoice.number ?? "Draft"}
                            >
                              {(url) => (
                                <a href={url()} rel="noopener noreferrer" target="_blank">
                                  {invoice.number ?? "Invoice"}
                                  <span class="visually-hidden"> (PDF, opens Stripe's page)</span>
                                </a>
                              )}
                            </Show>
                          </th>
                          <td class="cell-nowrap">{format().date(String(invoice.issuedAt))}</td>
                          <td class="cell-nowrap">{invoice.dueOn ? format().date(invoice.dueOn) : "—"}</td>
                          <td class="cell-nowrap">{format().money(invoice.amountDueMinor)}</td>
                          <td>{invoice.status.replace("_", " ")}</td>
                          <td>{invoice.poNumber ?? "—"}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
            </Show>
          </section>
        </>
      )}
    </Query>
  );
}

/**
 * The next invoice (issue 11 §7): Stripe's preview of it with a subscription; offline, none comes from Stripe,
 * so the section says what the licence says instead.
 */
function NextInvoice(props: { overview: Overview }) {
  const { format } = useCouncil();
  return (
    <section aria-labelledby="next-invoice-heading">
      <h2 id="next-invoice-heading">Next invoice</h2>
      <Show
        when={!props.overview.offline}
        fallback={
          <p>
            None from Stripe: billing is offline, so the platform operator invoices the council directly.
            <Show when={props.overview.licence}>
              {(licence) => (
                <>
                  {" "}
                  The licence says: {licence().planName}, {licence().seats} seats, paid{" "}
                  {licence().interval === "year" ? "yearly" : "monthly"},{" "}
                  {licence().endsOn ? `until ${format().date(licence().endsOn ?? "")}` : "open-ended"},{" "}
                  {licence().poNumber ? `purchase order ${licence().poNumber}` : "no purchase order recorded"}
                  .
                </>
              )}
            </Show>
          </p>
        }
      >
        <Show
          when={props.overview.licence?.subscribed}
          fallback={<p class="empty">None yet: the council has no subscription with Stripe.</p>}
        >
          <StripeNextInvoice />
        </Show>
      </Show>
    </section>
  );
}

function StripeNextInvoice() {
  const { format } = useCouncil();
  const preview = councilQuery((procedures) => procedures.billing.nextInvoice());
  return (
    <Query query={preview} loading="Asking Stripe for the next invoice…">
      {(found) => (
        <Show
          when={found()}
          fallback={<p class="empty">None: Stripe will not invoice this subscription again.</p>}
        >
          {(next) => (
            <dl class="summary-list">
              <div class="summary-list__row">
                <dt>Amount</dt>
                <dd>{format().money(next().amountDueMinor)}</dd>
              </div>
              <div class="summary-list__row">
                <dt>Issued on</dt>
                <dd>{next().issuedOn ? format().date(String(next().issuedOn)) : "Not known yet"}</dd>
              </div>
              <div class="summary-list__row">
                <dt>PO number on it</dt>
                <dd>{next().poNumber ?? "None"}</dd>
              </div>
            </dl>
          )}
        </Show>
      )}
    </Query>
  );
}

const intervalChoices: { value: BillingInterval; label: string }[] = [
  { value: "year", label: "Yearly" },
  { value: "month", label: "Monthly" },
];
const collectionChoices: { value: "invoice" | "card"; label: string }[] = [
  { value: "invoice", label: "By invoice (against a purchase order)" },
  { value: "card", label: "By card (Stripe Checkout)" },
];

/** With Stripe: start a subscription, open the portal, change seats. */
function StripeActions(props: { overview: Overview }) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const [plan, setPlan] = createSignal(props.overview.licence?.plan ?? "essentials");
  const [interval, setInterval] = createSignal<BillingInterval>("year");
  const [collection, setCollection] = createSignal<"invoice" | "card">("invoice");
  const [seats, setSeats] = createSignal(String(props.overview.licence?.seats ?? 10));
  const [poNumber, setPoNumber] = createSignal(props.overview.licence?.poNumber ?? "");
  const subscribed = () => props.overview.licence?.subscribed === true;
  const subscribe = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.billing.subscribe({
            plan: plan(),
            interval: interval(),
            seats: Number(seats()),
            collection: collection(),
            poNumber: poNumber() || null,
          }),
        ["billing"],
      ),
    );
    if (result.ok && result.value.checkoutUrl) window.location.assign(result.value.checkoutUrl);
  };
  const changeSeats = async (event: SubmitEvent) => {
    event.preventDefault();
    await submission.submit(() =>
      mutate((procedures) => procedures.billing.changeSeats({ seats: Number(seats()) }), ["billing"]),
    );
  };
  const openPortal = async () => {
    const result = await submission.submit(() => mutate((procedures) => procedures.billing.portal(), []));
    if (result.ok) window.location.assign(result.value.url);
  };
  const fieldIds = { plan: "billing-plan-trigger", seats: "billing-seats", poNumber: "billing-po" };
  return (
    <section aria-labelledby="payment-heading" class="panel">
      <h2 id="payment-heading">Payment</h2>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
      </Show>
      <Show
        when={subscribed()}
        fallback={
          <form novalidate onSubmit={(event) => void subscribe(event)}>
            <ChoiceSelect
              id="billing-plan"
              label="Plan"
              choices={planChoices}
              value={plan()}
              onChange={setPlan}
            />
            <ChoiceSelect
              id="billing-interval"
              label="Billed"
              choices={intervalChoices}
              value={interval()}
              onChange={setInterval}
            />
            <Field
              id={fieldIds.seats}
              name="seats"
              label="Seats"
              inputmode="numeric"
              value={seats()}
              onInput={(event) => setSeats(event.currentTarget.value)}
              error={submission.fieldError("seats")}
            />
            <ChoiceSelect
              id="billing-collection"
              label="Pay"
              choices={collectionChoices}
              value={collection()}
              onChange={setCollection}
            />
            <Field
              id={fieldIds.poNumber}
              name="poNumber"
              label="Purchase order number (optional)"
              hint="Printed on every invoice."
              value={poNumber()}
              onInput={(event) => setPoNumber(event.currentTarget.value)}
              error={submission.fieldError("poNumber")}
            />
            <button type="submit" class="button" disabled={submission.pending()}>
              Start the subscription
            </button>
          </form>
        }
      >
        <form novalidate onSubmit={(event) => void changeSeats(event)} class="form-row">
          <Field
            id={fieldIds.seats}
            name="seats"
            label="Seats"
            inputmode="numeric"
            value={seats()}
            onInput={(event) => setSeats(event.currentTarget.value)}
            error={submission.fieldError("seats")}
          />
          <button type="submit" class="button form-row__submit" disabled={submission.pending()}>
            Change the seats
          </button>
        </form>
        <p>
          <button type="button" class="button button--secondary" onClick={() => void openPortal()}>
            Open Stripe's billing portal
          </button>
        </p>
      </Show>
    </section>
  );
}

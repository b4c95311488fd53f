import { A } from "@solidjs/router";
import { type ContractInput, isPublicContractByValue, statusAfterEndDate } from "@steward/domain";
import { createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { type Choice, ChoiceSelect } from "../../components/choice-select.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import type { Submission } from "../../components/forms.ts";
import { MemberSelect } from "../../components/member-select.tsx";
import { readMoneyText } from "../../components/money.ts";
import { MoneyField } from "../../components/money-field.tsx";
import { SupplierPicker } from "../../components/supplier-picker.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { NewSupplierDialog } from "../suppliers/new-supplier-dialog.tsx";
import { ManagerTrainingNotice } from "../training/manager-training-notice.tsx";
import { type ContractDraft, contractInputOf } from "./contract-draft.ts";
import { todayIso } from "./invoice-form.tsx";
import {
  categoryChoices,
  englandOnlyRoutes,
  riskChoices,
  routeChoices,
  stageChoices,
  statusChoices,
} from "./labels.ts";

/** Each input's name → the id of the element an error summary link focuses. */
const fieldIds: Record<keyof ContractInput, string> = {
  reference: "contract-reference",
  title: "contract-title",
  description: "contract-description",
  category: "contract-category-trigger",
  cpvCode: "contract-cpvCode",
  serviceArea: "contract-serviceArea",
  supplierId: "contract-supplier-input",
  contractManagerId: "contract-manager-trigger",
  sroId: "contract-sro-trigger",
  awardDate: "contract-awardDate",
  signedDate: "contract-signedDate",
  startDate: "contract-startDate",
  endDate: "contract-endDate",
  maxExtensionDate: "contract-maxExtensionDate",
  noticeDate: "contract-noticeDate",
  annualValueMinor: "contract-annualValue",
  totalValueMinor: "contract-totalValue",
  capitalValueMinor: "contract-capitalValue",
  currency: "contract-currency-trigger",
  procurementRoute: "contract-procurementRoute-trigger",
  lightTouch: "contract-lightTouch",
  publicContract: "contract-publicContract",
  corporatePriority: "contract-corporatePriority",
  keyPublicService: "contract-keyPublicService",
  serviceRisk: "contract-serviceRisk-trigger",
  status: "contract-status-trigger",
  lifecycleStage: "contract-lifecycleStage-trigger",
};

const currencies = ["GBP", "ZAR", "EUR", "USD"];

/**
 * Every register field (DESIGN §4), for adding and for editing a contract. Field errors come from the API
 * under each input's name; an update nests them under "values." (`errorPrefix`). Amounts are typed in
 * pounds or rand and sent in pence or cents.
 */
export function ContractForm(props: {
  initial: ContractDraft;
  submission: Submission;
  errorPrefix: "" | "values.";
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
  onSubmit: (input: () => ContractInput) => void;
}) {
  const { can, council } = useCouncil();
  const england = () => council().jurisdiction === "GB-ENG";
  // The Procurement Act's own procedures are not offered to a South African council (unless already recorded).
  const routes = () =>
    england()
      ? routeChoices
      : routeChoices.filter(
          (choice) => !englandOnlyRoutes.includes(choice.value) || choice.value === draft.procurementRoute,
        );
  const today = new Date().toISOString().slice(0, 10);
  // PA23 s.3: until the officer answers, the answer follows the total value against the threshold.
  const publicContract = () => {
    if (draft.publicContract !== null) return draft.publicContract;
    const total = readMoneyText(draft.totalValue);
    return isPublicContractByValue(
      {
        jurisdiction: council().jurisdiction === "ZA" ? "ZA" : "GB-ENG",
        category: draft.category,
        lightTouch: draft.lightTouch,
        totalValueMinor: total.ok ? total.minor : null,
        awardDate: draft.awardDate.trim() || null,
        startDate: draft.startDate.trim() || null,
      },
      today,
    );
  };
  const [draft, setDraft] = createStore<ContractDraft>({ ...props.initial });
  const [addingSupplier, setAddingSupplier] = createSignal(false);
  // Client-side problems (amounts) use the bare name, the server's an update's prefix: show either.
  const error = (name: keyof ContractInput) =>
    props.submission.fieldError(`${props.errorPrefix}${name}`) ?? props.submission.fieldError(name);
  const summaryIds = () => ({
    ...fieldIds,
    ...Object.fromEntries(Object.entries(fieldIds).map(([name, id]) => [`${props.errorPrefix}${name}`, id])),
  });
  const currencyChoices = (): Choice<string>[] =>
    [...new Set([draft.currency, ...currencies])].map((code) => ({ value: code, label: code }));

  const text = (name: "reference" | "title" | "cpvCode" | "serviceArea" | "description") => ({
    value: draft[name],
    onInput: (event: { currentTarget: { value: string } }) => setDraft(name, event.currentTarget.value),
  });
  const date = (
    name: "awardDate" | "signedDate" | "startDate" | "endDate" | "maxExtensionDate" | "noticeDate",
  ) => ({
    id: `contract-${name}`,
    name,
    type: "date",
    class: "input input--date",
    value: draft[name],
    onInput: (event: { currentTarget: { value: string } }) => {
      setDraft(name, event.currentTarget.value);
      // An end date in the past makes the contract expired, as the import records it.
      if (name === "endDate") {
        setDraft("status", statusAfterEndDate(draft.status, draft.endDate || null, todayIso()));
      }
    },
    error: error(name),
  });

  return (
    <>
      <Show when={props.submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={summaryIds()} />}
      </Show>
      <form
        novalidate
        class="contract-form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit(() => contractInputOf(draft));
        }}
      >
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Identification</legend>
          <Field
            id="contract-reference"
            name="reference"
            label="Reference"
            hint="The council's own reference, unique in the register."
            spellcheck={false}
            autocomplete="off"
            {...text("reference")}
            error={error("reference")}
          />
          <Field
            id="contract-title"
            name="title"
            label="Title"
            autocomplete="off"
            {...text("title")}
            error={error("title")}
          />
          <TextareaField
            id="contract-description"
            name="description"
            label="Description (optional)"
            hint="What is being bought, and for whom."
            {...text("description")}
            error={error("description")}
          />
          <ChoiceSelect
            id="contract-category"
            label="Category"
            choices={categoryChoices}
            value={draft.category}
            onChange={(value) => setDraft("category", value)}
            error={error("category")}
          />
          <Field
            id="contract-cpvCode"
            name="cpvCode"
            label="CPV code (optional)"
            hint="8 digits, for example 90511000 or 90511000-2."
            class="input input--short"
            inputmode="numeric"
            spellcheck={false}
            autocomplete="off"
            {...text("cpvCode")}
            error={error("cpvCode")}
          />
          <Field
            id="contract-serviceArea"
            name="serviceArea"
            label="Service area (optional)"
            hint="The department or directorate the contract serves."
            autocomplete="off"
            {...text("serviceArea")}
            error={error("serviceArea")}
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Supplier and people</legend>
          <div class="field-with-action">
            <SupplierPicker
              id="contract-supplier"
              label="Supplier"
              hint="Type part of the name or registration number."
              noneLabel="No supplier recorded"
              value={draft.supplier}
              onChange={(supplier) => setDraft("supplier", supplier)}
              error={error("supplierId")}
            />
            <Show when={can("suppliers:write")}>
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() => setAddingSupplier(true)}
              >
                Add a new supplier
              </button>
            </Show>
          </div>
          <MemberSelect
            id="contract-manager"
            label="Contract manager"
            hint="Runs the contract day to day."
            noneLabel="Not named yet"
            value={draft.contractManagerId}
            onChange={(userId) => setDraft("contractManagerId", userId)}
            error={error("contractManagerId")}
          />
          <ManagerTrainingNotice userId={draft.contractManagerId} />
          <MemberSelect
            id="contract-sro"
            label="Senior Responsible Officer"
            hint="The Head of Service accountable for the contract."
            noneLabel="Not named yet"
            value={draft.sroId}
            onChange={(userId) => setDraft("sroId", userId)}
            error={error("sroId")}
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Dates</legend>
          <div class="field-grid">
            <Field label="Award date" {...date("awardDate")} />
            <Field label="Signed date" {...date("signedDate")} />
            <Field label="Start date" {...date("startDate")} />
            <Field label="End date" {...date("endDate")} />
            <Field
              label="Latest end date with every extension"
              hint="Leave blank if the contract cannot be extended."
              {...date("maxExtensionDate")}
            />
            <Field
              label="Notice date"
              hint="The last day to give notice to end or extend the contract, or to use a break clause."
              {...date("noticeDate")}
            />
          </div>
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Values</legend>
          <p class="hint">
            Amounts excluding VAT; the total is over the whole term. Leave a value blank if it is not known.
          </p>
          <div class="field-grid">
            <MoneyField
              id="contract-annualValue"
              name="annualValue"
              label="Annual value"
              currency={draft.currency}
              value={draft.annualValue}
              onInput={(event) => setDraft("annualValue", event.currentTarget.value)}
              error={error("annualValueMinor")}
            />
            <MoneyField
              id="contract-totalValue"
              name="totalValue"
              label="Total value"
              currency={draft.currency}
              value={draft.totalValue}
              onInput={(event) => setDraft("totalValue", event.currentTarget.value)}
              error={error("totalValueMinor")}
            />
            <MoneyField
              id="contract-capitalValue"
              name="capitalValue"
              label="Capital value"
              currency={draft.currency}
              value={draft.capitalValue}
              onInput={(event) => setDraft("capitalValue", event.currentTarget.value)}
              error={error("capitalValueMinor")}
            />
          </div>
          <ChoiceSelect
            id="contract-currency"
            label="Currency"
            choices={currencyChoices()}
            value={draft.currency}
            onChange={(value) => setDraft("currency", value)}
            error={error("currency")}
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Procurement</legend>
          <ChoiceSelect
            id="contract-procurementRoute"
            label="Procurement route"
            choices={[{ value: "", label: "Not recorded" }, ...routes()]}
            value={draft.procurementRoute ?? ""}
            onChange={(value) => setDraft("procurementRoute", value === "" ? null : value)}
            error={error("procurementRoute")}
          />
          <Show when={england()}>
            <CheckboxField
              id="contract-lightTouch"
              label="Awarded under the light-touch regime"
              hint="Social, health, education and some other services (Procurement Act 2023, Schedule 1)."
              checked={draft.lightTouch}
              onChange={(checked) => setDraft("lightTouch", checked)}
            />
            <CheckboxField
              id="contract-publicContract"
              label="A public contract (at or over the Procurement Act threshold)"
              hint={
                draft.publicContract === null
                  ? "Set from the total value against the Procurement Act 2023 Schedule 1 threshold; change it if the estimated value says otherwise."
                  : "Procurement Act 2023 s.3: its estimated value, VAT included, is not less than the Schedule 1 threshold."
              }
              checked={publicContract()}
              onChange={(checked) => setDraft("publicContract", checked)}
            />
          </Show>
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Flags</legend>
          <p class="hint">These facts, with the values, decide the contract's tier.</p>
          <CheckboxField
            id="contract-corporatePriority"
            label="Relied on for a corporate priority"
            checked={draft.corporatePriority}
            onChange={(checked) => setDraft("corporatePriority", checked)}
          />
          <CheckboxField
            id="contract-keyPublicService"
            label="Delivers a key public service"
            checked={draft.keyPublicService}
            onChange={(checked) => setDraft("keyPublicService", checked)}
          />
          <ChoiceSelect
            id="contract-serviceRisk"
            label="Service risk"
            hint="The risk to residents and the council if the service failed."
            choices={riskChoices}
            value={draft.serviceRisk}
            onChange={(value) => setDraft("serviceRisk", value)}
            error={error("serviceRisk")}
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Status</legend>
          <div class="field-grid">
            <ChoiceSelect
              id="contract-status"
              label="Status"
              choices={statusChoices}
              value={draft.status}
              onChange={(value) => setDraft("status", value)}
              error={error("status")}
            />
            <ChoiceSelect
              id="contract-lifecycleStage"
              label="Lifecycle stage"
              choices={stageChoices}
              value={draft.lifecycleStage}
              onChange={(value) => setDraft("lifecycleStage", value)}
              error={error("lifecycleStage")}
            />
          </div>
        </fieldset>

        <div class="button-row">
          <button type="submit" class="button" disabled={props.submission.pending()}>
            {props.submission.pending() ? props.pendingLabel : props.submitLabel}
          </button>
          <A href={props.cancelHref} class="button button--secondary">
            Cancel
          </A>
        </div>
      </form>
      <NewSupplierDialog
        open={addingSupplier()}
        onClose={() => setAddingSupplier(false)}
        onCreated={(supplier) => setDraft("supplier", supplier)}
      />
    </>
  );
}

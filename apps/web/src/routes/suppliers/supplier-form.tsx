import { organisationSchemes, type SupplierInput } from "@steward/domain";
import { type JSX, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { type Choice, ChoiceSelect } from "../../components/choice-select.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import type { Submission } from "../../components/forms.ts";
import { TextareaField } from "../../components/textarea-field.tsx";
import { oneOf } from "../contracts/labels.ts";

type Scheme = (typeof organisationSchemes)[number];

const schemeLabels: Record<Scheme, string> = {
  "GB-COH": "Companies House (UK company)",
  "GB-CHC": "Charity Commission (England and Wales)",
  "GB-SC": "Scottish Charity Regulator",
  "ZA-CIPC": "CIPC (South African company)",
  "ZA-NPO": "South African non-profit organisation",
};

const schemeChoices: Choice<Scheme | "">[] = [
  { value: "", label: "Not known" },
  ...organisationSchemes.map((scheme) => ({ value: scheme, label: `${schemeLabels[scheme]} – ${scheme}` })),
];

export interface SupplierDraft {
  name: string;
  registrationNumber: string;
  organisationScheme: Scheme | null;
  address: string;
  isSme: boolean;
  isVcse: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export const emptySupplierDraft: SupplierDraft = {
  name: "",
  registrationNumber: "",
  organisationScheme: null,
  address: "",
  isSme: false,
  isVcse: false,
  contactName: "",
  contactEmail: "",
  contactPhone: "",
};

export function supplierDraftOf(supplier: {
  name: string;
  registrationNumber: string | null;
  organisation: { scheme: string } | null;
  address: string | null;
  isSme: boolean;
  isVcse: boolean;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}): SupplierDraft {
  return {
    name: supplier.name,
    registrationNumber: supplier.registrationNumber ?? "",
    organisationScheme: oneOf(organisationSchemes, supplier.organisation?.scheme),
    address: supplier.address ?? "",
    isSme: supplier.isSme,
    isVcse: supplier.isVcse,
    contactName: supplier.contactName ?? "",
    contactEmail: supplier.contactEmail ?? "",
    contactPhone: supplier.contactPhone ?? "",
  };
}

const fieldNames = [
  "name",
  "registrationNumber",
  "organisationScheme",
  "address",
  "contactName",
  "contactEmail",
  "contactPhone",
] as const;

/**
 * A supplier's details, for adding and editing (and adding from the contract form). `idPrefix` keeps ids
 * unique when the form sits in a dialog over another form; `errorPrefix` is where the API puts field
 * errors for this input ("values." for an update).
 */
export function SupplierForm(props: {
  initial: SupplierDraft;
  submission: Submission;
  idPrefix: string;
  errorPrefix: "" | "values.";
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: SupplierInput) => void;
  secondary: JSX.Element;
}) {
  const [draft, setDraft] = createStore<SupplierDraft>({ ...props.initial });
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const error = (name: string) => props.submission.fieldError(`${props.errorPrefix}${name}`);
  const fieldIds = () =>
    Object.fromEntries(
      fieldNames.map((name) => [
        `${props.errorPrefix}${name}`,
        name === "organisationScheme" ? `${id(name)}-trigger` : id(name),
      ]),
    );
  return (
    <>
      <Show when={props.submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds()} />}
      </Show>
      <form
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit({
            name: draft.name.trim(),
            registrationNumber: draft.registrationNumber.trim() || null,
            organisationScheme: draft.organisationScheme,
            address: draft.address.trim() || null,
            isSme: draft.isSme,
            isVcse: draft.isVcse,
            contactName: draft.contactName.trim() || null,
            contactEmail: draft.contactEmail.trim() || null,
            contactPhone: draft.contactPhone.trim() || null,
          });
        }}
      >
        <Field
          id={id("name")}
          name="name"
          label="Supplier name"
          hint="As registered, for example Greenways Grounds Ltd."
          autocomplete="organization"
          value={draft.name}
          onInput={(event) => setDraft("name", event.currentTarget.value)}
          error={error("name")}
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Registration</legend>
          <p class="hint">
            With a register and a number, Steward links this supplier to the same organisation in other
            councils, for benchmarking.
          </p>
          <ChoiceSelect
            id={id("organisationScheme")}
            label="Register"
            choices={schemeChoices}
            value={draft.organisationScheme ?? ""}
            onChange={(scheme) => setDraft("organisationScheme", scheme === "" ? null : scheme)}
            error={error("organisationScheme")}
          />
          <Field
            id={id("registrationNumber")}
            name="registrationNumber"
            label="Registration number"
            hint="For example 04142000 (Companies House numbers have 8 characters)."
            class="input input--short"
            spellcheck={false}
            value={draft.registrationNumber}
            onInput={(event) => setDraft("registrationNumber", event.currentTarget.value)}
            error={error("registrationNumber")}
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Size and type</legend>
          <CheckboxField
            id={id("isSme")}
            label="Small or medium-sized enterprise (SME)"
            checked={draft.isSme}
            onChange={(checked) => setDraft("isSme", checked)}
          />
          <CheckboxField
            id={id("isVcse")}
            label="Voluntary, community or social enterprise (VCSE)"
            checked={draft.isVcse}
            onChange={(checked) => setDraft("isVcse", checked)}
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Contact</legend>
          <TextareaField
            id={id("address")}
            name="address"
            label="Address"
            rows={3}
            autocomplete="street-address"
            value={draft.address}
            onInput={(event) => setDraft("address", event.currentTarget.value)}
            error={error("address")}
          />
          <Field
            id={id("contactName")}
            name="contactName"
            label="Contact name"
            autocomplete="off"
            value={draft.contactName}
            onInput={(event) => setDraft("contactName", event.currentTarget.value)}
            error={error("contactName")}
          />
          <Field
            id={id("contactEmail")}
            name="contactEmail"
            label="Contact email"
            type="email"
            autocomplete="off"
            spellcheck={false}
            value={draft.contactEmail}
            onInput={(event) => setDraft("contactEmail", event.currentTarget.value)}
            error={error("contactEmail")}
          />
          <Field
            id={id("contactPhone")}
            name="contactPhone"
            label="Contact phone"
            type="tel"
            autocomplete="off"
            class="input input--short"
            value={draft.contactPhone}
            onInput={(event) => setDraft("contactPhone", event.currentTarget.value)}
            error={error("contactPhone")}
          />
        </fieldset>
        <div class="button-row">
          <button type="submit" class="button" disabled={props.submission.pending()}>
            {props.submission.pending() ? props.pendingLabel : props.submitLabel}
          </button>
          {props.secondary}
        </div>
      </form>
    </>
  );
}

import { A, useNavigate } from "@solidjs/router";
import type { Jurisdiction } from "@steward/domain";
import { createSignal, Show } from "solid-js";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { operatorMutate } from "../../operator-query.ts";
import { type LicenceDraft, LicenceFields, licenceFieldIds, licenceInput } from "./licence-fields.tsx";

const jurisdictionChoices: { value: Jurisdiction; label: string }[] = [
  { value: "GB-ENG", label: "England (pounds, English UK)" },
  { value: "ZA", label: "South Africa (rand, English South Africa)" },
];
const localeOf = {
  "GB-ENG": { currency: "GBP", locale: "en-GB" },
  ZA: { currency: "ZAR", locale: "en-ZA" },
} as const;

const fieldIds = {
  "council.name": "council-name",
  "council.slug": "council-slug",
  "council.jurisdiction": "council-jurisdiction-trigger",
  "council.adminEmail": "council-admin-email",
  ...licenceFieldIds("new-licence"),
};

/** `/operator/councils/new`: a council, its licence and its first admin's invitation (issue 11 §6). */
export function NewCouncil() {
  const navigate = useNavigate();
  const submission = createSubmission();
  const [name, setName] = createSignal("");
  const [slug, setSlug] = createSignal("");
  const [jurisdiction, setJurisdiction] = createSignal<Jurisdiction | null>(null);
  const [adminEmail, setAdminEmail] = createSignal("");
  const [licence, setLicence] = createSignal<LicenceDraft>({
    plan: "essentials",
    seats: "10",
    startsOn: new Date().toISOString().slice(0, 10),
    endsOn: "",
    poNumber: "",
  });
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = jurisdiction();
    // Sent even without a jurisdiction, so the server names every field to correct at once.
    const result = await submission.submit(() =>
      operatorMutate(
        (procedures) =>
          procedures.operator.createCouncil({
            council: {
              name: name(),
              slug: slug(),
              jurisdiction: chosen as Jurisdiction,
              ...localeOf[chosen ?? "GB-ENG"],
              adminEmail: adminEmail(),
            },
            licence: licenceInput(licence()),
          }),
        ["operator"],
      ),
    );
    if (result.ok) navigate("/operator", { state: { created: name() } });
  };
  return (
    <>
      <PageHeading title="Set up a council" caption="Platform operator" />
      <p>
        The council gets its licence now and its first admin an invitation by email; the admin invites
        everyone else. <A href="/operator">Back to the councils</A>
      </p>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
      </Show>
      <form novalidate onSubmit={(event) => void save(event)}>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">The council</legend>
          <Field
            id={fieldIds["council.name"]}
            name="name"
            label="Name"
            value={name()}
            onInput={(event) => setName(event.currentTarget.value)}
            error={submission.fieldError("council.name")}
          />
          <Field
            id={fieldIds["council.slug"]}
            name="slug"
            label="Web address name"
            hint="Lower-case letters, digits and hyphens: the council's pages are at /t/this-name."
            value={slug()}
            onInput={(event) => setSlug(event.currentTarget.value)}
            error={submission.fieldError("council.slug")}
            spellcheck={false}
          />
          <ChoiceSelect
            id="council-jurisdiction"
            label="Jurisdiction"
            hint="Sets the rules, the currency and how dates and money are written."
            choices={jurisdictionChoices}
            value={jurisdiction()}
            onChange={setJurisdiction}
            error={submission.fieldError("council.jurisdiction")}
          />
          <Field
            id={fieldIds["council.adminEmail"]}
            name="adminEmail"
            label="First admin's email address"
            type="email"
            autocomplete="off"
            spellcheck={false}
            value={adminEmail()}
            onInput={(event) => setAdminEmail(event.currentTarget.value)}
            error={submission.fieldError("council.adminEmail")}
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">The licence</legend>
          <LicenceFields
            prefix="new-licence"
            draft={licence()}
            setDraft={setLicence}
            submission={submission}
          />
        </fieldset>
        <button type="submit" class="button" disabled={submission.pending()}>
          Set up the council
        </button>
      </form>
    </>
  );
}

import { createSignal } from "solid-js";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission } from "../../components/forms.ts";
import { operatorMutate } from "../../operator-query.ts";
import type { Answer, Client } from "../../trpc.ts";
import { type LicenceDraft, LicenceFields, licenceFieldIds, licenceInput } from "./licence-fields.tsx";

type Council = Answer<Client["operator"]["councils"]>["councils"][number];

/** The operator assigns or changes a council's licence by hand. */
export function LicenceDialog(props: { council: Council; onClose: () => void; onSaved: () => void }) {
  const submission = createSubmission();
  const licence = props.council.licence;
  const [draft, setDraft] = createSignal<LicenceDraft>({
    plan: licence?.plan ?? "essentials",
    seats: String(licence?.seats ?? 10),
    startsOn: licence?.startsOn ?? new Date().toISOString().slice(0, 10),
    endsOn: licence?.endsOn ?? "",
    poNumber: licence?.poNumber ?? "",
  });
  const save = async () => {
    const result = await submission.submit(() =>
      operatorMutate(
        (procedures) =>
          procedures.operator.assignLicence({
            tenantId: props.council.id,
            version: licence?.version ?? null,
            licence: licenceInput(draft()),
          }),
        ["operator"],
      ),
    );
    if (result.ok) props.onSaved();
  };
  return (
    <FormDialog
      title={`Licence of ${props.council.name}`}
      open
      onClose={props.onClose}
      submission={submission}
      fieldIds={licenceFieldIds("licence")}
      onSubmit={() => void save()}
      submitLabel="Save the licence"
      intro={<p class="hint">Assigned by hand: the council's entitlements follow it at once.</p>}
    >
      <LicenceFields prefix="licence" draft={draft()} setDraft={setDraft} submission={submission} inDialog />
    </FormDialog>
  );
}

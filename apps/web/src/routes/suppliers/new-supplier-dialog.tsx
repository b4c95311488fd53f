// Namespace import: see components/change-password-dialog.tsx on Kobalte's shared DialogRoot.
import * as Dialog from "@kobalte/core/dialog";
import type { SupplierInput } from "@steward/domain";
import { Show } from "solid-js";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import type { SupplierChoice } from "../../components/supplier-picker.tsx";
import { councilMutations } from "../../council-query.ts";
import { emptySupplierDraft, SupplierForm } from "./supplier-form.tsx";

/** Adds a supplier without leaving the contract form; the new supplier becomes the contract's. */
export function NewSupplierDialog(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (supplier: SupplierChoice) => void;
}) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const create = async (values: SupplierInput) => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) => procedures.suppliers.create({ ...values, idempotencyKey: key.current() }),
        ["suppliers"],
      ),
    );
    if (!result.ok) return;
    key.renew();
    props.onCreated({ id: result.value.id, name: values.name });
    props.onClose();
  };
  const close = () => {
    if (submission.pending()) return;
    submission.clear();
    props.onClose();
  };
  return (
    <Dialog.Root
      open={props.open}
      onOpenChange={(open) => {
        if (!open) close();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content class="dialog dialog--wide">
            <Dialog.Title class="dialog__title">Add a supplier</Dialog.Title>
            <Dialog.Description class="hint">
              The supplier is added to the council's list and chosen for this contract.
            </Dialog.Description>
            <Show when={props.open}>
              <SupplierForm
                initial={emptySupplierDraft}
                submission={submission}
                idPrefix="new-supplier"
                errorPrefix=""
                submitLabel="Add supplier"
                pendingLabel="Adding…"
                onSubmit={(values) => void create(values)}
                secondary={
                  <button type="button" class="button button--secondary" onClick={close}>
                    Cancel
                  </button>
                }
              />
            </Show>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

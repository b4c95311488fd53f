// Namespace import: see components/change-password-dialog.tsx on Kobalte's shared DialogRoot.
import * as Dialog from "@kobalte/core/dialog";
import { type JSX, Show } from "solid-js";
import { ErrorSummary } from "./error-summary.tsx";
import type { Submission } from "./forms.ts";

/**
 * A modal form: the title, the error summary, the fields, then save and cancel. Closing (Escape, the overlay,
 * Cancel) is refused while the form is being saved, and clears the form's problems.
 */
export function FormDialog(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  submission: Submission;
  /** The field ids the error summary links to, by the server's field names. */
  fieldIds: Record<string, string>;
  onSubmit: () => void;
  submitLabel: string;
  /** Text between the title and the form. */
  intro?: JSX.Element;
  /** The button that closes without saving; "Cancel" unless that would read as the action itself. */
  closeLabel?: string;
  children: JSX.Element;
}) {
  const close = () => {
    if (props.submission.pending()) return;
    props.submission.clear();
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
          <Dialog.Content class="dialog">
            <Dialog.Title class="dialog__title">{props.title}</Dialog.Title>
            <Show when={props.submission.problem()} keyed>
              {(problem) => <ErrorSummary problem={problem} fieldIds={props.fieldIds} />}
            </Show>
            {props.intro}
            <form
              novalidate
              onSubmit={(event) => {
                event.preventDefault();
                props.onSubmit();
              }}
            >
              {props.children}
              <div class="button-row">
                <button type="submit" class="button" disabled={props.submission.pending()}>
                  {props.submission.pending() ? "Saving…" : props.submitLabel}
                </button>
                <button type="button" class="button button--secondary" onClick={close}>
                  {props.closeLabel ?? "Cancel"}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

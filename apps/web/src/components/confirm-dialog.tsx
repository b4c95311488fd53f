// Namespace import: see change-password-dialog.tsx on Kobalte's shared DialogRoot.
import * as AlertDialog from "@kobalte/core/alert-dialog";
import { type JSX, Show } from "solid-js";
import { createSubmission } from "./forms.ts";

export interface Confirmation {
  title: string;
  description: JSX.Element;
  confirmLabel: string;
  /** Destructive actions get the warning colour. */
  destructive?: boolean;
  run: () => Promise<unknown>;
}

/**
 * Asks before a change that matters (role, deactivation, revocation). Kobalte's AlertDialog traps focus,
 * closes on Escape and gives focus back when it closes. A refusal from the server is shown inside it.
 */
export function ConfirmDialog(props: { confirmation: Confirmation | null; onClose: () => void }) {
  const submission = createSubmission();
  const confirm = async (confirmation: Confirmation) => {
    const result = await submission.submit(confirmation.run);
    if (result.ok) {
      submission.clear();
      props.onClose();
    }
  };
  const close = () => {
    if (submission.pending()) return;
    submission.clear();
    props.onClose();
  };
  return (
    <AlertDialog.Root
      open={props.confirmation !== null}
      onOpenChange={(open) => {
        if (!open) close();
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Show when={props.confirmation}>
            {(confirmation) => (
              <AlertDialog.Content class="dialog">
                <AlertDialog.Title class="dialog__title">{confirmation().title}</AlertDialog.Title>
                <AlertDialog.Description as="div" class="dialog__body">
                  {confirmation().description}
                </AlertDialog.Description>
                <Show when={submission.problem()}>
                  {(problem) => (
                    <p class="notice notice--error" role="alert">
                      {problem().message}
                    </p>
                  )}
                </Show>
                <div class="button-row">
                  <button
                    type="button"
                    class="button"
                    classList={{ "button--warning": confirmation().destructive === true }}
                    disabled={submission.pending()}
                    onClick={() => void confirm(confirmation())}
                  >
                    {submission.pending() ? "Working…" : confirmation().confirmLabel}
                  </button>
                  {/* A plain button: Kobalte's CloseButton is named "Dismiss", not what it shows (WCAG 2.5.3). */}
                  <button
                    type="button"
                    class="button button--secondary"
                    disabled={submission.pending()}
                    onClick={close}
                  >
                    Cancel
                  </button>
                </div>
              </AlertDialog.Content>
            )}
          </Show>
        </div>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

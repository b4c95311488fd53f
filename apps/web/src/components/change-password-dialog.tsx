// Namespace import, not `{ Dialog }`: Kobalte 0.13's `AlertDialog` is `Object.assign(DialogRoot, …)`, which
// replaces `Dialog.Content` with the alert-dialog one (role="alertdialog") once both modules are loaded.
import * as Dialog from "@kobalte/core/dialog";
import { createSignal, Show } from "solid-js";
import { api } from "../trpc.ts";
import { ErrorSummary } from "./error-summary.tsx";
import { Field } from "./field.tsx";
import { createSubmission, formText } from "./forms.ts";

const fieldIds = { currentPassword: "current-password", newPassword: "new-password" };

/** Changing the password ends the user's other sessions; this one carries on with a fresh cookie. */
export function ChangePasswordDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Opened from a menu, it has no trigger of its own to give focus back to. */
  returnFocus: () => void;
  email: string;
}) {
  const submission = createSubmission();
  const [done, setDone] = createSignal(false);
  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await submission.submit(() =>
      api.auth.changePassword.mutate({
        currentPassword: formText(form, "currentPassword"),
        newPassword: formText(form, "newPassword"),
      }),
    );
    if (result.ok) setDone(true);
  };
  const close = () => {
    submission.clear();
    setDone(false);
    props.onOpenChange(false);
  };
  // Plain buttons close it: Kobalte's CloseButton is named "Dismiss", not what it shows (WCAG 2.5.3).
  return (
    <Dialog.Root
      open={props.open}
      onOpenChange={(open) => {
        if (!open) close();
        else props.onOpenChange(true);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content
            class="dialog"
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              props.returnFocus();
            }}
          >
            <Dialog.Title class="dialog__title">Change your password</Dialog.Title>
            <Show
              when={!done()}
              fallback={
                <>
                  <p role="status">
                    Your password has been changed. If you were signed in on other devices, they have been
                    signed out.
                  </p>
                  <div class="button-row">
                    <button type="button" class="button" onClick={close}>
                      Close
                    </button>
                  </div>
                </>
              }
            >
              <Show when={submission.problem()} keyed>
                {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
              </Show>
              <form novalidate onSubmit={onSubmit}>
                {/* Tells password managers whose password this is; never shown. */}
                <input
                  type="text"
                  name="username"
                  autocomplete="username"
                  value={props.email}
                  hidden
                  readonly
                />
                <Field
                  id={fieldIds.currentPassword}
                  name="currentPassword"
                  label="Current password"
                  type="password"
                  autocomplete="current-password"
                  error={submission.fieldError("currentPassword")}
                />
                <Field
                  id={fieldIds.newPassword}
                  name="newPassword"
                  label="New password"
                  hint="Use at least 12 characters. A few unrelated words make a strong password."
                  type="password"
                  autocomplete="new-password"
                  error={submission.fieldError("newPassword")}
                />
                <div class="button-row">
                  <button type="submit" class="button" disabled={submission.pending()}>
                    {submission.pending() ? "Changing…" : "Change password"}
                  </button>
                  <button type="button" class="button button--secondary" onClick={close}>
                    Cancel
                  </button>
                </div>
              </form>
            </Show>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ErrorSummary } from "../components/error-summary.tsx";
import { Field } from "../components/field.tsx";
import { createSubmission, formText } from "../components/forms.ts";
import { PageHeading } from "../components/page-heading.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { api } from "../trpc.ts";

const fieldIds = { password: "reset-password" };

/** From the emailed link `/reset-password?token=…`. */
export function ResetPassword() {
  const [search] = useSearchParams<{ token: string }>();
  const submission = createSubmission();
  const [done, setDone] = createSignal(false);
  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const token = search.token ?? "";
    const result = await submission.submit(() =>
      api.auth.resetPassword.mutate({ token, password: formText(form, "password") }),
    );
    if (result.ok) setDone(true);
  };
  return (
    <PublicLayout>
      <PageHeading title="Choose a new password" />
      <Show
        when={search.token}
        fallback={
          <p>
            This link is incomplete. Copy the whole link from the email, or{" "}
            <A href="/forgot-password">ask for a new one</A>.
          </p>
        }
      >
        <Show
          when={!done()}
          fallback={
            <div class="notice notice--success" role="status">
              <p>
                Your password has been changed, and any devices signed in to your account were signed out.
              </p>
              <p>
                <A href="/sign-in">Sign in with your new password</A>
              </p>
            </div>
          }
        >
          <Show when={submission.problem()} keyed>
            {(problem) => (
              <>
                <ErrorSummary problem={problem} fieldIds={fieldIds} />
                <Show when={Object.keys(problem.fieldErrors).length === 0}>
                  <p>
                    <A href="/forgot-password">Ask for a new link</A>
                  </p>
                </Show>
              </>
            )}
          </Show>
          <form novalidate onSubmit={onSubmit}>
            <Field
              id={fieldIds.password}
              name="password"
              label="New password"
              hint="Use at least 12 characters. A few unrelated words make a strong password."
              type="password"
              autocomplete="new-password"
              error={submission.fieldError("password")}
            />
            <div class="button-row">
              <button type="submit" class="button" disabled={submission.pending()}>
                {submission.pending() ? "Saving…" : "Save the new password"}
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </PublicLayout>
  );
}

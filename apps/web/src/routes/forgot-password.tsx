import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ErrorSummary } from "../components/error-summary.tsx";
import { Field } from "../components/field.tsx";
import { createSubmission, formText } from "../components/forms.ts";
import { PageHeading } from "../components/page-heading.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { api } from "../trpc.ts";

const fieldIds = { email: "forgot-email" };

/** Says the same whether or not the account exists, so the form cannot be used to find out. */
export function ForgotPassword() {
  const submission = createSubmission();
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const email = formText(event.currentTarget, "email").trim();
    const result = await submission.submit(() => api.auth.requestPasswordReset.mutate({ email }));
    if (result.ok) setSentTo(email);
  };
  return (
    <PublicLayout>
      <PageHeading title="Reset your password" />
      <Show
        when={sentTo()}
        fallback={
          <>
            <p>Enter the email address you sign in with. We will send you a link to choose a new password.</p>
            <Show when={submission.problem()} keyed>
              {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
            </Show>
            <form novalidate onSubmit={onSubmit}>
              <Field
                id={fieldIds.email}
                name="email"
                label="Email address"
                type="email"
                autocomplete="username"
                spellcheck={false}
                error={submission.fieldError("email")}
              />
              <div class="button-row">
                <button type="submit" class="button" disabled={submission.pending()}>
                  {submission.pending() ? "Sending…" : "Send the link"}
                </button>
              </div>
            </form>
          </>
        }
      >
        {(email) => (
          <div class="notice notice--success" role="status">
            <p>
              If an account exists for <strong>{email()}</strong>, we sent a link to reset its password. The
              link works for one hour.
            </p>
            <p>No email after a few minutes? Check your junk folder, or ask your council's admin.</p>
          </div>
        )}
      </Show>
      <p>
        <A href="/sign-in">Back to sign in</A>
      </p>
    </PublicLayout>
  );
}

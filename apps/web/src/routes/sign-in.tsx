import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { Show } from "solid-js";
import { ErrorSummary } from "../components/error-summary.tsx";
import { Field } from "../components/field.tsx";
import { createSubmission, formText } from "../components/forms.ts";
import { PageHeading } from "../components/page-heading.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { safeNext, useSession } from "../session.tsx";
import { api } from "../trpc.ts";

const fieldIds = { email: "sign-in-email", password: "sign-in-password" };

export function SignIn() {
  const session = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ next: string }>();
  const submission = createSubmission();

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await submission.submit(() =>
      api.auth.signIn.mutate({ email: formText(form, "email"), password: formText(form, "password") }),
    );
    if (result.ok) {
      await session.refresh();
      navigate(safeNext(search.next), { replace: true });
    }
  };

  return (
    <PublicLayout>
      <PageHeading title="Sign in" />
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
        <Field
          id={fieldIds.password}
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          error={submission.fieldError("password")}
        />
        <div class="button-row">
          <button type="submit" class="button" disabled={submission.pending()}>
            {submission.pending() ? "Signing in…" : "Sign in"}
          </button>
        </div>
      </form>
      <p>
        <A href="/forgot-password">Forgot your password?</A>
      </p>
      <p class="muted">
        New to Steward? Your council's admin sends you an invitation by email; follow its link to set up your
        account.
      </p>
    </PublicLayout>
  );
}

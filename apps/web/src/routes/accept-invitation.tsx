import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { roleLabels } from "@steward/domain";
import { Show } from "solid-js";
import { Query } from "../components/async.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { Field } from "../components/field.tsx";
import { createSubmission, formText } from "../components/forms.ts";
import { PageHeading } from "../components/page-heading.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { publicQuery } from "../query.ts";
import { useSession } from "../session.tsx";
import { type Answer, api, type Client } from "../trpc.ts";

type Invitation = Answer<Client["auth"]["describeInvitation"]>;

const fieldIds = { name: "accept-name", password: "accept-password" };

/** From the emailed link `/accept-invitation?council=<uuid>&token=…`. */
export function AcceptInvitation() {
  const [search] = useSearchParams<{ council: string; token: string }>();
  const link = () => {
    const tenantId = search.council;
    const token = search.token;
    return tenantId && token ? { tenantId, token } : null;
  };
  const invitation = publicQuery((procedures) => {
    const input = link();
    return input ? procedures.auth.describeInvitation(input) : null;
  });
  return (
    <PublicLayout>
      <PageHeading title="Accept your invitation" />
      <Show
        when={link()}
        fallback={
          <p>
            This invitation link is incomplete. Copy the whole link from the email, or ask your council's
            admin to invite you again.
          </p>
        }
      >
        {(input) => (
          <Query query={invitation} loading="Checking your invitation…">
            {(described) => (
              <AcceptForm invitation={described()} tenantId={input().tenantId} token={input().token} />
            )}
          </Query>
        )}
      </Show>
    </PublicLayout>
  );
}

function AcceptForm(props: { invitation: Invitation; tenantId: string; token: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const submission = createSubmission();
  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await submission.submit(() =>
      api.auth.acceptInvitation.mutate({
        tenantId: props.tenantId,
        token: props.token,
        name: props.invitation.hasAccount ? undefined : formText(form, "name").trim(),
        password: formText(form, "password"),
      }),
    );
    if (!result.ok) return;
    const me = await session.refresh();
    const council = me?.councils.find((each) => each.tenantId === result.value.tenantId);
    navigate(council ? `/t/${council.slug}` : "/", { replace: true });
  };
  return (
    <>
      <p class="lead">
        You are invited to join <strong>{props.invitation.councilName}</strong> on Steward as{" "}
        <strong>{roleLabels[props.invitation.role]}</strong>.
      </p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>Council</dt>
          <dd>{props.invitation.councilName}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Email address</dt>
          <dd>{props.invitation.email}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Role</dt>
          <dd>{roleLabels[props.invitation.role]}</dd>
        </div>
      </dl>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={fieldIds} />}
      </Show>
      <form novalidate onSubmit={onSubmit}>
        <Show
          when={!props.invitation.hasAccount}
          fallback={
            <>
              <p>You already have a Steward account. Enter its password to add this council to it.</p>
              <Field
                id={fieldIds.password}
                name="password"
                label="Your Steward password"
                type="password"
                autocomplete="current-password"
                error={submission.fieldError("password")}
              />
            </>
          }
        >
          <p>Set up your account to accept.</p>
          <Field
            id={fieldIds.name}
            name="name"
            label="Your name"
            hint="As colleagues know you. It is shown to others in the council."
            autocomplete="name"
            error={submission.fieldError("name")}
          />
          <Field
            id={fieldIds.password}
            name="password"
            label="Choose a password"
            hint="Use at least 12 characters. A few unrelated words make a strong password."
            type="password"
            autocomplete="new-password"
            error={submission.fieldError("password")}
          />
        </Show>
        <div class="button-row">
          <button type="submit" class="button" disabled={submission.pending()}>
            {submission.pending() ? "Accepting…" : "Accept the invitation"}
          </button>
        </div>
      </form>
      <p class="muted">
        Not expecting this? You can ignore it. <A href="/sign-in">Sign in</A> if you already use Steward.
      </p>
    </>
  );
}

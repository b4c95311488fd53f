import { type MemberRole, roleLabels } from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Email } from "../../components/email.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission, FormProblem, formText } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { RoleSelect } from "../../components/role-select.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Answer, Client } from "../../trpc.ts";

type Member = Answer<Client["members"]["list"]>[number];
type Invitation = Answer<Client["members"]["invitations"]>[number];

/** Admins: who is in the council, in which role; invitations sent and still open. */
export function Members() {
  const council = useCouncil();
  return (
    <>
      <PageHeading title="Members" caption={council.council().name} />
      <Show
        when={council.can("users:manage")}
        fallback={
          <p>Only the council's admins can manage members. Ask one of them if something needs changing.</p>
        }
      >
        <MemberManagement />
      </Show>
    </>
  );
}

function MemberManagement() {
  const { council, format, userId } = useCouncil();
  const members = councilQuery((procedures) => procedures.members.list());
  const invitations = councilQuery((procedures) => procedures.members.invitations());
  const mutate = councilMutations();
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const [announcement, setAnnouncement] = createSignal("");

  const confirmRoleChange = (member: Member, role: MemberRole) => {
    if (role === member.role) return;
    setConfirmation({
      title: `Change ${member.name}'s role?`,
      description: (
        <>
          <p>
            {member.name} will change from <strong>{roleLabels[member.role]}</strong> to{" "}
            <strong>{roleLabels[role]}</strong>.
          </p>
          <p>They will be signed out everywhere and see the new role when they next sign in.</p>
        </>
      ),
      confirmLabel: "Change role",
      run: async () => {
        await mutate(
          (procedures) => procedures.members.changeRole({ userId: member.userId, role }),
          ["members"],
        );
        setAnnouncement(`${member.name} is now ${roleLabels[role]}.`);
      },
    });
  };

  const confirmActivation = (member: Member) => {
    const active = member.deactivatedAt === null;
    setConfirmation(
      active
        ? {
            title: `Deactivate ${member.name}?`,
            description: (
              <p>
                {member.name} will be signed out and will no longer be able to work in {council().name}. You
                can reactivate them later.
              </p>
            ),
            confirmLabel: "Deactivate",
            destructive: true,
            run: async () => {
              await mutate(
                (procedures) => procedures.members.deactivate({ userId: member.userId }),
                ["members"],
              );
              setAnnouncement(`${member.name} has been deactivated.`);
            },
          }
        : {
            title: `Reactivate ${member.name}?`,
            description: (
              <p>
                {member.name} will be able to sign in to {council().name} again as {roleLabels[member.role]}.
              </p>
            ),
            confirmLabel: "Reactivate",
            run: async () => {
              await mutate(
                (procedures) => procedures.members.reactivate({ userId: member.userId }),
                ["members"],
              );
              setAnnouncement(`${member.name} has been reactivated.`);
            },
          },
    );
  };

  const confirmRevoke = (invitation: Invitation) =>
    setConfirmation({
      title: `Revoke the invitation to ${invitation.email}?`,
      description: <p>The link in their email will stop working. You can invite them again later.</p>,
      confirmLabel: "Revoke invitation",
      destructive: true,
      run: async () => {
        await mutate(
          (procedures) => procedures.members.revokeInvitation({ invitationId: invitation.id }),
          ["members.invitations"],
        );
        setAnnouncement(`The invitation to ${invitation.email} has been revoked.`);
      },
    });

  return (
    <>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">People in this council</h2>
        <Query query={members} loading="Loading members…">
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="empty">This council has no members yet.</p>}>
              <div class="table-wrap">
                <table class="table">
                  <caption class="visually-hidden">Members of {council().name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Role</th>
                      <th scope="col">Status</th>
                      <th scope="col">Joined</th>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(member) => {
                        const isYou = () => member.userId === userId();
                        const active = () => member.deactivatedAt === null;
                        return (
                          <tr classList={{ "row--inactive": !active() }}>
                            <th scope="row" class="cell-name">
                              {member.name}
                              <Show when={isYou()}>
                                <span class="tag tag--quiet">you</span>
                              </Show>
                            </th>
                            <td class="cell-email">
                              <Email address={member.email} />
                            </td>
                            <td>
                              <RoleSelect
                                id={`role-${member.userId}`}
                                label={`Role of ${member.name}`}
                                hideLabel
                                value={member.role}
                                disabled={!active()}
                                onChange={(role) => confirmRoleChange(member, role)}
                              />
                            </td>
                            <td>
                              <span class="tag" classList={{ "tag--inactive": !active() }}>
                                {active() ? "Active" : "Deactivated"}
                              </span>
                            </td>
                            <td class="cell-nowrap">{format().date(member.joinedAt)}</td>
                            <td class="cell-actions">
                              <Show when={!isYou()}>
                                <button
                                  type="button"
                                  class="button button--secondary button--small"
                                  onClick={() => confirmActivation(member)}
                                >
                                  {active() ? "Deactivate" : "Reactivate"}
                                  <span class="visually-hidden"> {member.name}</span>
                                </button>
                              </Show>
                            </td>
                          </tr>
                        );
                      }}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Query>
      </section>

      <InviteForm />

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Open invitations</h2>
        <Query query={invitations} loading="Loading invitations…">
          {(list) => (
            <Show
              when={list().length > 0}
              fallback={
                <p class="empty">There are no open invitations. Invite someone with the form above.</p>
              }
            >
              <div class="table-wrap">
                <table class="table">
                  <caption class="visually-hidden">Open invitations</caption>
                  <thead>
                    <tr>
                      <th scope="col">Email</th>
                      <th scope="col">Role</th>
                      <th scope="col">Invited by</th>
                      <th scope="col">Sent</th>
                      <th scope="col">Expires</th>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(invitation) => (
                        <tr>
                          <th scope="row" class="cell-email">
                            <Email address={invitation.email} />
                          </th>
                          <td>{roleLabels[invitation.role]}</td>
                          <td>{invitation.invitedBy}</td>
                          <td class="cell-nowrap">{format().date(invitation.createdAt)}</td>
                          <td class="cell-nowrap">{format().date(invitation.expiresAt)}</td>
                          <td class="cell-actions">
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              onClick={() => confirmRevoke(invitation)}
                            >
                              Revoke<span class="visually-hidden"> the invitation to {invitation.email}</span>
                            </button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Query>
      </section>

      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}

const inviteFieldIds = { email: "invite-email", role: "invite-role-trigger" };

function InviteForm() {
  const mutate = councilMutations();
  const submission = createSubmission();
  const [role, setRole] = createSignal<MemberRole | null>(null);
  const [sent, setSent] = createSignal<string | null>(null);
  let emailInput: HTMLInputElement | undefined;

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const email = formText(form, "email").trim();
    setSent(null);
    const chosen = role();
    const result = await submission.submit(async () => {
      // Said here rather than sent: the server would only answer "Invalid option".
      if (!chosen) throw new FormProblem("Choose the role they will have.", { role: "Choose a role." });
      return mutate(
        (procedures) => procedures.members.invite({ email, role: chosen }),
        ["members.invitations"],
      );
    });
    if (result.ok) {
      form.reset();
      setRole(null);
      setSent(email);
      emailInput?.focus();
    }
  };

  return (
    <section aria-labelledby="invite-heading" class="panel">
      <h2 id="invite-heading">Invite someone</h2>
      <p>They get an email with a link that works for 7 days.</p>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={inviteFieldIds} />}
      </Show>
      <Show when={sent()}>
        {(email) => (
          <p class="notice notice--success" role="status">
            Invitation sent to {email()}.
          </p>
        )}
      </Show>
      <form novalidate onSubmit={onSubmit} class="form-row">
        <Field
          ref={emailInput}
          id={inviteFieldIds.email}
          name="email"
          label="Email address"
          type="email"
          autocomplete="off"
          spellcheck={false}
          error={submission.fieldError("email")}
        />
        <RoleSelect
          id="invite-role"
          label="Role"
          value={role()}
          onChange={setRole}
          error={submission.fieldError("role")}
        />
        <div class="form-row__submit">
          <button type="submit" class="button" disabled={submission.pending()}>
            {submission.pending() ? "Sending…" : "Send invitation"}
          </button>
        </div>
      </form>
    </section>
  );
}

import { A } from "@solidjs/router";
import {
  actionStatusLabels,
  type MeetingType,
  meetingTypeLabels,
  meetingTypes,
  ownerPartyLabels,
} from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { Attachments } from "../../components/attachments.tsx";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { RadioGroup } from "../../components/radio-group.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import type { Answer, Client } from "../../trpc.ts";
import {
  type Action,
  type ActionStatusChange,
  AddActionDialog,
  actionStatusConfirmation,
} from "./action-dialog.tsx";
import type { ContractDetail } from "./contract-detail.ts";
import { todayIso } from "./invoice-form.tsx";
import styles from "./performance-records.module.css";

type Meeting = Answer<Client["meetings"]["list"]>[number];

const typeChoices = meetingTypes.map((type) => ({ value: type, label: meetingTypeLabels[type] }));
const meetingFieldIds = {
  "meeting.scheduledOn": "meeting-scheduled-on",
  "meeting.heldOn": "meeting-held-on",
  "meeting.attendees": "meeting-council-attendees",
  "meeting.kpiIds": "meeting-kpis",
  "meeting.notes": "meeting-notes",
  "meeting.insight": "meeting-insight",
};
/** A held meeting meets the review cadence and the kickoff obligations (004 §5–6). */
const meetingChanges = ["meetings", "contracts", "board"] as const;

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** The owner of an action in words: the member's name or the supplier's person, with their party. */
export function ownerOf(action: Pick<Action, "ownerParty" | "ownerName" | "ownerUserName">): string {
  return `${action.ownerUserName ?? action.ownerName ?? "Unnamed"} (${ownerPartyLabels[action.ownerParty]})`;
}

/**
 * 002 and 004 §6, §9: the contract's meetings (kickoff, review, performance, close-out), each with who was
 * there, the KPI data reviewed, the insight and the actions agreed; and the action log across meetings and
 * improvement plans, overdue actions first to the eye.
 */
export function MeetingsTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can, council, format } = useCouncil();
  const mutate = councilMutations();
  const contractId = () => props.detail.contract.id;
  const meetings = councilQuery((procedures) => procedures.meetings.list({ contractId: contractId() }));
  const actions = councilQuery((procedures) => procedures.actions.list({ contractId: contractId() }));
  // The KPI data a meeting reviewed is linked, not copied (issue 8 §5): named here, read on the KPIs tab.
  const kpis = councilQuery((procedures) => procedures.kpis.list({ contractId: contractId() }));
  const kpiName = (id: string) =>
    answer(kpis)?.kpis.find((kpi) => kpi.id === id)?.name ?? "a KPI since archived";
  const [editing, setEditing] = createSignal<{ meeting: Meeting | null; held: boolean } | null>(null);
  const [addingFor, setAddingFor] = createSignal<{ meetingId?: string } | null>(null);
  const [cancelling, setCancelling] = createSignal<Meeting | null>(null);
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const writable = () => can("performance:write") && props.detail.contract.archivedAt === null;

  const setStatus = (action: Action, status: ActionStatusChange) =>
    setConfirmation(
      actionStatusConfirmation({ action, status, noun: "action", mutate, announce: props.announce }),
    );

  return (
    <>
      <h2>Meetings</h2>
      <p class="hint">
        004 §5: review meetings with the supplier at least yearly (Low), six-monthly (Medium) or quarterly
        (High); a held review or performance meeting meets the cadence. 004 §6: a new contract holds a kickoff
        meeting.
      </p>
      <Show when={writable()}>
        <div class="button-row">
          <button type="button" class="button" onClick={() => setEditing({ meeting: null, held: true })}>
            Record a meeting held
          </button>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => setEditing({ meeting: null, held: false })}
          >
            Plan a meeting
          </button>
        </div>
      </Show>
      <Query query={meetings} loading="Loading meetings…">
        {(found) => (
          <Show
            when={found().length > 0}
            fallback={<p class="empty">No meetings are recorded for this contract.</p>}
          >
            <For each={found()}>
              {(meeting) => (
                <section class={styles.record} aria-labelledby={`meeting-${meeting.id}`}>
                  <h3 id={`meeting-${meeting.id}`}>
                    {meetingTypeLabels[meeting.type]}:{" "}
                    {meeting.heldOn
                      ? `held ${format().date(meeting.heldOn)}`
                      : meeting.cancelledOn
                        ? `planned for ${format().date(meeting.scheduledOn)}, cancelled`
                        : `planned for ${format().date(meeting.scheduledOn)}`}
                  </h3>
                  <Show when={meeting.cancelledOn}>
                    {(cancelledOn) => (
                      <p>
                        <strong>Cancelled on {format().date(cancelledOn())}:</strong>{" "}
                        {meeting.cancellationReason}
                      </p>
                    )}
                  </Show>
                  <Show when={meeting.attendees.length > 0}>
                    <p>
                      <strong>Attended:</strong>{" "}
                      {meeting.attendees
                        .map((person) => `${person.name} (${ownerPartyLabels[person.party]})`)
                        .join(", ")}
                    </p>
                  </Show>
                  <Show when={meeting.agenda}>
                    <p>
                      <strong>Agenda:</strong> {meeting.agenda}
                    </p>
                  </Show>
                  <Show when={meeting.notes}>
                    <p>
                      <strong>Notes:</strong> {meeting.notes}
                    </p>
                  </Show>
                  <Show when={meeting.insight}>
                    <p>
                      <strong>Insight:</strong> {meeting.insight}
                    </p>
                  </Show>
                  <Show when={meeting.kpiIds.length > 0}>
                    <p>
                      <strong>KPIs reviewed:</strong> {meeting.kpiIds.map(kpiName).join("; ")} (
                      <A href={`/t/${council().slug}/contracts/${contractId()}?tab=kpis`}>see their data</A>)
                    </p>
                  </Show>
                  <Show when={writable() && !meeting.cancelledOn}>
                    <div class="button-row">
                      <Show when={!meeting.heldOn}>
                        <button
                          type="button"
                          class="button"
                          onClick={() => setEditing({ meeting, held: true })}
                        >
                          Record as held
                        </button>
                      </Show>
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() => setEditing({ meeting, held: meeting.heldOn !== null })}
                      >
                        Edit the meeting
                      </button>
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() => setAddingFor({ meetingId: meeting.id })}
                      >
                        Add an action agreed
                      </button>
                      <Show when={!meeting.heldOn}>
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => setCancelling(meeting)}
                        >
                          Cancel the meeting
                        </button>
                      </Show>
                    </div>
                  </Show>
                  <Show when={meeting.heldOn}>
                    <Attachments
                      ownerType="meeting"
                      ownerId={meeting.id}
                      contractId={contractId()}
                      title="Minutes and papers"
                    />
                  </Show>
                </section>
              )}
            </For>
          </Show>
        )}
      </Query>

      <h2>Action log</h2>
      <Show when={writable()}>
        <button type="button" class="button button--secondary" onClick={() => setAddingFor({})}>
          Add an action
        </button>
      </Show>
      <Query query={actions} loading="Loading actions…">
        {(found) => (
          <>
            <Show when={found().overdueCount > 0}>
              <p class="notice notice--warning" role="note">
                {found().overdueCount === 1 ? "1 action is" : `${found().overdueCount} actions are`} past the
                due date.
              </p>
            </Show>
            <ActionTable
              actions={found().actions}
              onStatus={writable() ? setStatus : undefined}
              caption="Actions"
              empty="No actions are in the log."
            />
          </>
        )}
      </Query>

      <Show when={editing()} keyed>
        {(edit) => (
          <MeetingDialog
            contractId={contractId()}
            meeting={edit.meeting}
            held={edit.held}
            onClose={() => setEditing(null)}
            onSaved={(message) => props.announce(message)}
          />
        )}
      </Show>
      <Show when={cancelling()} keyed>
        {(meeting) => (
          <CancelMeetingDialog
            meeting={meeting}
            onClose={() => setCancelling(null)}
            onCancelled={() => props.announce("The meeting is cancelled.")}
          />
        )}
      </Show>
      <Show when={addingFor()} keyed>
        {(adding) => (
          <AddActionDialog
            contractId={contractId()}
            meetingId={adding.meetingId}
            title={adding.meetingId ? "Add an action agreed at the meeting" : "Add an action"}
            open
            onClose={() => setAddingFor(null)}
            onAdded={() => props.announce("The action is in the log.")}
          />
        )}
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}

/** The action log as a table: what, who, due, status; overdue marked in words, not by colour alone. */
export function ActionTable(props: {
  actions: readonly Action[];
  caption: string;
  /** What to say when there is none. */
  empty: string;
  onStatus?: ((action: Action, status: ActionStatusChange) => void) | undefined;
}) {
  const { format } = useCouncil();
  return (
    <Show when={props.actions.length > 0} fallback={<p class="empty">{props.empty}</p>}>
      <TableWrap label={props.caption}>
        <table class="table">
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <Show when={props.onStatus}>
                <th scope="col">
                  <span class="visually-hidden">Change status</span>
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.actions}>
              {(action) => (
                <tr>
                  <td>{action.description}</td>
                  <td>{ownerOf(action)}</td>
                  <td>{format().date(action.dueOn)}</td>
                  <td>
                    {actionStatusLabels[action.status]}
                    <Show when={action.overdue}>
                      {" "}
                      <span class="tag tag--warning">Overdue</span>
                    </Show>
                  </td>
                  <Show when={props.onStatus}>
                    {(onStatus) => (
                      <td>
                        <Show
                          when={action.status === "open"}
                          fallback={
                            <button
                              type="button"
                              class="link-button"
                              onClick={() => onStatus()(action, "open")}
                            >
                              Reopen<span class="visually-hidden">: {action.description}</span>
                            </button>
                          }
                        >
                          <button
                            type="button"
                            class="link-button"
                            onClick={() => onStatus()(action, "done")}
                          >
                            Mark done<span class="visually-hidden">: {action.description}</span>
                          </button>{" "}
                          <button
                            type="button"
                            class="link-button"
                            onClick={() => onStatus()(action, "cancelled")}
                          >
                            Cancel<span class="visually-hidden">: {action.description}</span>
                          </button>
                        </Show>
                      </td>
                    )}
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableWrap>
    </Show>
  );
}

/** Plans a meeting, records one held, or edits one: who was there, the KPIs reviewed, the insight. */
function MeetingDialog(props: {
  contractId: string;
  meeting: Meeting | null;
  held: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const kpis = councilQuery((procedures) => procedures.kpis.list({ contractId: props.contractId }));
  const start = props.meeting;
  const [type, setType] = createSignal<MeetingType>(start?.type ?? "review");
  const [scheduledOn, setScheduledOn] = createSignal(start?.scheduledOn ?? todayIso());
  const [heldOn, setHeldOn] = createSignal(start?.heldOn ?? (props.held ? todayIso() : ""));
  // Council attendees are chosen from the council's members; anyone else (a councillor, a colleague without an
  // account) is typed, as the supplier's people are.
  const members = councilQuery((procedures) => procedures.members.list());
  const typedOf = (party: "council" | "supplier") =>
    (start?.attendees ?? [])
      .filter((person) => person.party === party && person.userId === null)
      .map((person) => person.name)
      .join("\n");
  const chosenAtStart = (start?.attendees ?? []).filter((person) => person.userId !== null);
  const [memberIds, setMemberIds] = createSignal(chosenAtStart.map((person) => person.userId ?? ""));
  const memberChoices = () =>
    (answer(members) ?? []).filter(
      (member) => member.deactivatedAt === null || memberIds().includes(member.userId),
    );
  const memberName = (userId: string) =>
    answer(members)?.find((member) => member.userId === userId)?.name ??
    chosenAtStart.find((person) => person.userId === userId)?.name ??
    "A former member";
  const [councilPeople, setCouncilPeople] = createSignal(typedOf("council"));
  const [supplierPeople, setSupplierPeople] = createSignal(typedOf("supplier"));
  const [agenda, setAgenda] = createSignal(start?.agenda ?? "");
  const [notes, setNotes] = createSignal(start?.notes ?? "");
  const [insight, setInsight] = createSignal(start?.insight ?? "");
  const [kpiIds, setKpiIds] = createSignal<string[]>(start?.kpiIds ?? []);
  const save = async () => {
    const meeting = {
      type: type(),
      scheduledOn: scheduledOn(),
      heldOn: heldOn() === "" ? null : heldOn(),
      attendees: [
        ...memberIds().map((userId) => ({ name: memberName(userId), party: "council" as const, userId })),
        ...lines(councilPeople()).map((name) => ({ name, party: "council" as const, userId: null })),
        ...lines(supplierPeople()).map((name) => ({ name, party: "supplier" as const, userId: null })),
      ],
      agenda: agenda(),
      notes: notes(),
      insight: insight(),
      kpiIds: kpiIds(),
    };
    const result = await submission.submit(async () => {
      if (start) {
        await mutate(
          (procedures) =>
            procedures.meetings.update({ meetingId: start.id, version: start.version, meeting }),
          meetingChanges,
        );
      } else {
        await mutate(
          (procedures) =>
            procedures.meetings.record({
              contractId: props.contractId,
              meeting,
              idempotencyKey: key.current(),
            }),
          meetingChanges,
        );
        key.renew();
      }
    });
    if (!result.ok) return;
    props.onSaved(meeting.heldOn ? "The meeting is recorded as held." : "The meeting is planned.");
    props.onClose();
  };
  return (
    <FormDialog
      title={start ? "Edit the meeting" : props.held ? "Record a meeting held" : "Plan a meeting"}
      open
      onClose={props.onClose}
      submission={submission}
      fieldIds={meetingFieldIds}
      onSubmit={() => void save()}
      submitLabel={start ? "Save the meeting" : props.held ? "Record the meeting" : "Plan the meeting"}
    >
      <RadioGroup
        name="meeting-type"
        legend="Kind of meeting"
        choices={typeChoices}
        value={type()}
        onChange={setType}
      />
      <Field
        id="meeting-scheduled-on"
        name="scheduledOn"
        label="Planned for"
        type="date"
        class="input input--date"
        value={scheduledOn()}
        onInput={(event) => setScheduledOn(event.currentTarget.value)}
        error={submission.fieldError("meeting.scheduledOn")}
      />
      <Field
        id="meeting-held-on"
        name="heldOn"
        label="Held on"
        hint="Leave blank until the meeting has been held."
        type="date"
        class="input input--date"
        value={heldOn()}
        onInput={(event) => setHeldOn(event.currentTarget.value)}
        error={submission.fieldError("meeting.heldOn")}
      />
      <fieldset class="fieldset fieldset--plain" id="meeting-council-attendees" tabindex="-1">
        <legend class="fieldset__legend">Council attendees</legend>
        <Show when={submission.fieldError("meeting.attendees")}>
          {(problem) => <p class="field-error">{problem()}</p>}
        </Show>
        <div class={styles.memberChoices}>
          <For each={memberChoices()} fallback={<p class="hint">Loading the council's members…</p>}>
            {(member) => (
              <CheckboxField
                id={`meeting-member-${member.userId}`}
                label={member.deactivatedAt === null ? member.name : `${member.name} (deactivated)`}
                checked={memberIds().includes(member.userId)}
                onChange={(checked) =>
                  setMemberIds(
                    checked
                      ? [...memberIds(), member.userId]
                      : memberIds().filter((id) => id !== member.userId),
                  )
                }
              />
            )}
          </For>
        </div>
      </fieldset>
      <TextareaField
        id="meeting-other-council-attendees"
        name="councilAttendees"
        label="Other council attendees"
        hint="People without a Steward account, such as a councillor: one name a line."
        rows={2}
        value={councilPeople()}
        onInput={(event) => setCouncilPeople(event.currentTarget.value)}
      />
      <TextareaField
        id="meeting-supplier-attendees"
        name="supplierAttendees"
        label="Supplier attendees"
        hint="One name a line."
        rows={3}
        value={supplierPeople()}
        onInput={(event) => setSupplierPeople(event.currentTarget.value)}
      />
      <TextareaField
        id="meeting-agenda"
        name="agenda"
        label="Agenda"
        rows={3}
        value={agenda()}
        onInput={(event) => setAgenda(event.currentTarget.value)}
      />
      <Show when={(answer(kpis)?.kpis ?? []).length > 0}>
        <fieldset class="fieldset fieldset--plain" id="meeting-kpis">
          <legend class="fieldset__legend">KPI data reviewed</legend>
          <For each={answer(kpis)?.kpis ?? []}>
            {(kpi) => (
              <CheckboxField
                id={`meeting-kpi-${kpi.id}`}
                label={kpi.name}
                checked={kpiIds().includes(kpi.id)}
                onChange={(checked) =>
                  setKpiIds(checked ? [...kpiIds(), kpi.id] : kpiIds().filter((id) => id !== kpi.id))
                }
              />
            )}
          </For>
        </fieldset>
      </Show>
      <TextareaField
        id="meeting-notes"
        name="notes"
        label="Notes"
        rows={4}
        value={notes()}
        onInput={(event) => setNotes(event.currentTarget.value)}
        error={submission.fieldError("meeting.notes")}
      />
      <TextareaField
        id="meeting-insight"
        name="insight"
        label="Insight"
        hint="What the data showed: which part is failing and why (data → insight → action)."
        rows={3}
        value={insight()}
        onInput={(event) => setInsight(event.currentTarget.value)}
        error={submission.fieldError("meeting.insight")}
      />
    </FormDialog>
  );
}

/** Calls off a planned meeting, saying why; it stays on the list, marked cancelled. */
function CancelMeetingDialog(props: { meeting: Meeting; onClose: () => void; onCancelled: () => void }) {
  const { format } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const [reason, setReason] = createSignal("");
  const cancel = async () => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.meetings.cancel({
            meetingId: props.meeting.id,
            version: props.meeting.version,
            cancellation: { reason: reason() },
          }),
        meetingChanges,
      ),
    );
    if (!result.ok) return;
    props.onCancelled();
    props.onClose();
  };
  return (
    <FormDialog
      title={`Cancel the ${meetingTypeLabels[props.meeting.type].toLowerCase()} of ${format().date(props.meeting.scheduledOn)}?`}
      open
      onClose={props.onClose}
      submission={submission}
      fieldIds={{ "cancellation.reason": "meeting-cancellation-reason" }}
      onSubmit={() => void cancel()}
      submitLabel="Cancel the meeting"
      closeLabel="Keep the meeting"
      intro={
        <p>
          It stays on the list, marked cancelled, and no longer counts as due. Plan a new one to replace it.
        </p>
      }
    >
      <TextareaField
        id="meeting-cancellation-reason"
        name="reason"
        label="Why it is cancelled"
        rows={3}
        value={reason()}
        onInput={(event) => setReason(event.currentTarget.value)}
        error={submission.fieldError("cancellation.reason")}
      />
    </FormDialog>
  );
}

import { z } from "zod";
import type { FieldErrors } from "../errors.ts";
import { idInput, isoDate, listInput, optionalTextInput, textInput, textLimits } from "../input.ts";
import { checkOwner, ownerFields, ownerOf } from "./owners.ts";
import { type ActionStatus, meetingTypes, ownerParties } from "./vocabulary.ts";

/** A person at a meeting: a council member, or a named person at the supplier (or another attendee). */
export const attendeeInput = z.object({
  name: textInput({ max: textLimits.short, min: 1, required: "Name the attendee." }),
  party: z.enum(ownerParties),
  userId: idInput.nullable().default(null),
});

/**
 * 002 and 004 §6, §9: a kickoff, review, performance or close-out meeting. The council sets the agenda, chairs
 * and takes notes (004 §9); the KPIs reviewed are linked, not copied; the insight is what the data showed
 * (002: data → insight → action), and the actions agreed go in the action log.
 */
export const meetingInput = z.object({
  type: z.enum(meetingTypes),
  scheduledOn: isoDate,
  /** Blank until the meeting has been held. */
  heldOn: isoDate.nullable().default(null),
  attendees: listInput(attendeeInput, 60, "List at most 60 attendees.").default([]),
  agenda: optionalTextInput(textLimits.long),
  notes: optionalTextInput(textLimits.long),
  insight: optionalTextInput(textLimits.long),
  kpiIds: listInput(idInput, 100, "Choose at most 100 KPIs.").default([]),
});
export type MeetingInput = z.infer<typeof meetingInput>;

/** A meeting cannot have been held in the future; a held meeting records who was there. */
export function meetingProblems(
  meeting: Pick<MeetingInput, "heldOn" | "attendees">,
  today: string,
): FieldErrors {
  const problems: FieldErrors = {};
  if (meeting.heldOn !== null && meeting.heldOn > today) {
    problems.heldOn = "A meeting cannot have been held after today. Leave this blank until it has been.";
  }
  if (meeting.heldOn !== null && meeting.attendees.length === 0) {
    problems.attendees = "Record who attended: the council's and the supplier's people.";
  }
  return problems;
}

/** Calling off a planned meeting: the reason is kept with it (and the supplier told, outside Steward). */
export const meetingCancellationInput = z.object({
  reason: textInput({ max: textLimits.long, min: 1, required: "Say why the meeting is cancelled." }),
});

/**
 * Why a meeting cannot be changed in the way asked, or null. A held meeting is a record (it can be corrected but
 * not called off); a cancelled one is closed: plan a new meeting instead.
 */
export function meetingChangeProblem(
  meeting: { heldOn: string | null; cancelledOn: string | null },
  change: "update" | "cancel",
): string | null {
  if (meeting.cancelledOn !== null) {
    return "This meeting was cancelled. Plan a new meeting instead.";
  }
  if (change === "cancel" && meeting.heldOn !== null) {
    return "This meeting has been held: it cannot be cancelled. Correct its record instead.";
  }
  return null;
}

/**
 * 004 §9: "Keep an action log … record and monitor what is expected of the supplier in what timescale,
 * equally there may be actions for the Council to deliver." An open action is overdue the day after it is due.
 */
export function isActionOverdue(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return action.status === "open" && action.dueOn < today;
}

export const actionInput = z
  .object({
    description: textInput({ max: textLimits.long, min: 1, required: "Say what is to be done." }),
    ...ownerFields,
    dueOn: isoDate,
    progressNote: optionalTextInput(textLimits.long),
  })
  .superRefine(checkOwner)
  .transform(ownerOf);
export type ActionInput = z.infer<typeof actionInput>;

import {
  getActiveMembership,
  getMeeting,
  insertMeeting,
  listKpiIdsOfContract,
  listMeetings,
  type MeetingRow,
  updateMeeting,
} from "@steward/db";
import {
  conflict,
  DomainError,
  type FieldErrors,
  idInput,
  invalid,
  type MeetingInput,
  meetingCancellationInput,
  meetingChangeProblem,
  meetingInput,
  meetingProblems,
  notFound,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { loadContract, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

/**
 * A meeting's facts as given: its dates, attendees (council attendees are active members), and the KPIs it
 * reviewed (the contract's own).
 */
async function checkMeeting(ctx: TenantContext, contractId: string, meeting: MeetingInput) {
  const problems = meetingProblems(meeting, today());
  if (Object.keys(problems).length > 0)
    throw invalid("Some answers need correcting: see the marked fields.", problems);
  const missing: FieldErrors = {};
  for (const [index, attendee] of meeting.attendees.entries()) {
    if (
      attendee.userId !== null &&
      !(await getActiveMembership(ctx.tx, { tenantId: ctx.tenantId, userId: attendee.userId }))
    ) {
      missing[`attendees.${index}.userId`] = "Choose an active member of this council.";
    }
  }
  const kpiIds = [...new Set(meeting.kpiIds)];
  const own = await listKpiIdsOfContract(ctx.tx, { tenantId: ctx.tenantId, contractId, kpiIds });
  if (own.length !== kpiIds.length) missing.kpiIds = "Choose KPIs of this contract.";
  if (Object.keys(missing).length > 0) {
    throw new DomainError("not_found", "Some answers need correcting: see the marked fields.", missing);
  }
  return { ...meeting, kpiIds };
}

function meetingRecord(meeting: MeetingRow & { kpiIds: string[] }) {
  return {
    id: meeting.id,
    type: meeting.type,
    scheduledOn: meeting.scheduledOn,
    heldOn: meeting.heldOn,
    attendees: meeting.attendees,
    agenda: meeting.agenda,
    notes: meeting.notes,
    insight: meeting.insight,
    kpiIds: meeting.kpiIds,
  };
}

export const meetingsRouter = router({
  /** A contract's meetings (002, 004 §6, §9), latest first, with the KPIs each reviewed. */
  list: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      return listMeetings(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId });
    }),

  /** Plans a meeting, or records one already held (a held review or performance meeting meets the cadence). */
  record: permittedProcedure("performance:write")
    .input(z.object({ contractId: idInput, meeting: meetingInput, idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "meetings.record", async () => {
        await loadContract(ctx, input.contractId);
        const meeting = await checkMeeting(ctx, input.contractId, input.meeting);
        const row = await insertMeeting(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: input.contractId,
          ...meeting,
          createdBy: ctx.user.id,
        });
        await ctx.audit({
          action: "meeting.recorded",
          entityType: "contract",
          entityId: input.contractId,
          after: meetingRecord(row),
        });
        return { id: row.id };
      }),
    ),

  /** Edits a meeting: its notes, insight and KPIs reviewed, or marks it held. */
  update: permittedProcedure("performance:write")
    .input(z.object({ meetingId: idInput, version: versionInput, meeting: meetingInput }))
    .mutation(async ({ ctx, input }) => {
      const before = await getMeeting(ctx.tx, { tenantId: ctx.tenantId, meetingId: input.meetingId });
      if (!before) throw notFound("That meeting");
      const problem = meetingChangeProblem(before, "update");
      if (problem) throw conflict(problem);
      const { kpiIds, ...values } = await checkMeeting(ctx, before.contractId, input.meeting);
      const updated = await updateMeeting(ctx.tx, {
        tenantId: ctx.tenantId,
        meetingId: before.id,
        version: input.version,
        values,
        kpiIds,
      });
      if (!updated)
        throw conflict("Someone else changed this meeting meanwhile. Reload to see their changes.");
      await ctx.audit({
        action: "meeting.updated",
        entityType: "contract",
        entityId: before.contractId,
        before: meetingRecord(before),
        after: meetingRecord(updated),
      });
      return { version: updated.version };
    }),

  /**
   * Calls off a planned meeting, with the reason. It stays on the contract's list, marked cancelled; it meets no
   * cadence and leaves the board's meetings due.
   */
  cancel: permittedProcedure("performance:write")
    .input(z.object({ meetingId: idInput, version: versionInput, cancellation: meetingCancellationInput }))
    .mutation(async ({ ctx, input }) => {
      const before = await getMeeting(ctx.tx, { tenantId: ctx.tenantId, meetingId: input.meetingId });
      if (!before) throw notFound("That meeting");
      const problem = meetingChangeProblem(before, "cancel");
      if (problem) throw conflict(problem);
      const cancelledOn = today();
      const updated = await updateMeeting(ctx.tx, {
        tenantId: ctx.tenantId,
        meetingId: before.id,
        version: input.version,
        values: { cancelledOn, cancellationReason: input.cancellation.reason },
        kpiIds: before.kpiIds,
      });
      if (!updated)
        throw conflict("Someone else changed this meeting meanwhile. Reload to see their changes.");
      await ctx.audit({
        action: "meeting.cancelled",
        entityType: "contract",
        entityId: before.contractId,
        after: {
          id: before.id,
          type: before.type,
          scheduledOn: before.scheduledOn,
          cancelledOn,
          reason: input.cancellation.reason,
        },
      });
      return { version: updated.version };
    }),
});

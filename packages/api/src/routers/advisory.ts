import {
  getAdvisoryNote,
  getPerformanceReview,
  insertAdvisoryNote,
  insertAdvisoryReply,
  insertPerformanceReview,
  listAdvisoryNotes,
  listAdvisoryReplies,
  listPerformanceReviews,
  shareReview,
  updateDraftReview,
} from "@steward/db";
import {
  advisoryNoteInput,
  advisoryNoteStatus,
  advisoryReplyInput,
  conflict,
  forbidden,
  idInput,
  invalid,
  notFound,
  performanceReviewInput,
  reviewRef,
  reviewShareRefusal,
  reviewUpdateInput,
  textInput,
  textLimits,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { loadContract } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router, type TenantContext } from "../init.ts";

/** The engagement an advisor writes under; the role matrix gives advisory writes only to engaged advisors. */
function engagementOf(ctx: TenantContext) {
  if (!ctx.engagement)
    throw forbidden("Only the council's engaged advisor writes advisory notes and reviews.");
  return ctx.engagement;
}

/** A note or reply is recorded against its contract, or against the council when it has none. */
const entityOf = (ctx: TenantContext, contractId: string | null) =>
  contractId
    ? ({ entityType: "contract", entityId: contractId } as const)
    : ({ entityType: "council", entityId: ctx.tenantId } as const);

async function loadNote(ctx: TenantContext, noteId: string) {
  const note = await getAdvisoryNote(ctx.tx, { tenantId: ctx.tenantId, noteId });
  if (!note) throw notFound("That note");
  return note;
}

/** A review its author is working on (another advisor's review is not theirs to change). */
async function loadOwnReview(ctx: TenantContext, reviewId: string) {
  const review = await getPerformanceReview(ctx.tx, { tenantId: ctx.tenantId, reviewId });
  if (!review || review.authorUserId !== ctx.user.id) throw notFound("That review");
  return review;
}

const changedMeanwhile = () =>
  conflict("This review changed meanwhile, or was shared. Reload to see it as it is now.");

/**
 * Issue 9 §7: the advisor's notes and recommendations, which the council sees and answers, and the advisor's
 * performance reviews (seed 000, "Performance auditing services"), drafted and then shared with the council.
 */
export const advisoryRouter = router({
  /** The council's notes (or one contract's), each with its conversation and where it stands. */
  notes: permittedProcedure("advisory:read", { module: "advisor_access" })
    .input(z.object({ contractId: idInput.optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const notes = await listAdvisoryNotes(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId });
      const replies = await listAdvisoryReplies(ctx.tx, {
        tenantId: ctx.tenantId,
        noteIds: notes.map((note) => note.id),
      });
      return notes.map((note) => {
        const conversation = replies.filter((reply) => reply.noteId === note.id);
        return { ...note, replies: conversation, status: advisoryNoteStatus(note, conversation) };
      });
    }),

  addNote: permittedProcedure("advisory:write", { module: "advisor_access" })
    .input(advisoryNoteInput.and(z.object({ idempotencyKey })))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "advisory.addNote", async () => {
        const engagement = engagementOf(ctx);
        if (input.contractId) await loadContract(ctx, input.contractId);
        const note = await insertAdvisoryNote(ctx.tx, {
          tenantId: ctx.tenantId,
          engagementId: engagement.id,
          contractId: input.contractId,
          authorUserId: ctx.user.id,
          kind: input.kind,
          title: input.title,
          body: input.body,
        });
        await ctx.audit({
          action: "advisory_note.added",
          ...entityOf(ctx, note.contractId),
          after: { noteId: note.id, kind: note.kind, title: note.title },
        });
        return { id: note.id };
      }),
    ),

  /** The council answers a note; a recommendation's answer may say what the council decided. */
  answer: permittedProcedure("advisory:respond", { module: "advisor_access" })
    .input(advisoryReplyInput)
    .mutation(async ({ ctx, input }) => {
      const note = await loadNote(ctx, input.noteId);
      if (input.decision && note.kind !== "recommendation") {
        throw invalid("Some answers need correcting: see the marked fields.", {
          decision: "Only a recommendation asks for a decision.",
        });
      }
      const reply = await insertAdvisoryReply(ctx.tx, {
        tenantId: ctx.tenantId,
        noteId: note.id,
        authorUserId: ctx.user.id,
        fromCouncil: "council",
        body: input.body,
        decision: input.decision,
      });
      await ctx.audit({
        action: "advisory_note.answered",
        ...entityOf(ctx, note.contractId),
        after: { noteId: note.id, replyId: reply.id, decision: reply.decision },
      });
      return { id: reply.id };
    }),

  /** The advisor replies under their note (a question back, a clarification); the council decides, not them. */
  followUp: permittedProcedure("advisory:write", { module: "advisor_access" })
    .input(
      z.object({
        noteId: idInput,
        body: textInput({ max: textLimits.long, min: 1, required: "Write the reply." }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      engagementOf(ctx);
      const note = await loadNote(ctx, input.noteId);
      const reply = await insertAdvisoryReply(ctx.tx, {
        tenantId: ctx.tenantId,
        noteId: note.id,
        authorUserId: ctx.user.id,
        fromCouncil: "advisor",
        body: input.body,
        decision: null,
      });
      await ctx.audit({
        action: "advisory_note.answered",
        ...entityOf(ctx, note.contractId),
        after: { noteId: note.id, replyId: reply.id, decision: null },
      });
      return { id: reply.id };
    }),

  /** The council's performance reviews: shared ones, and to an advisor their own drafts too. */
  reviews: permittedProcedure("advisory:read", { module: "advisor_access" }).query(async ({ ctx }) => {
    const reviews = await listPerformanceReviews(ctx.tx, {
      tenantId: ctx.tenantId,
      draftsOf: ctx.engagement ? ctx.user.id : null,
    });
    return reviews.map(({ findings, ...review }) => ({ ...review, findingCount: findings.length }));
  }),

  /** One review, whole, for reading and printing; a draft only to its author. */
  review: permittedProcedure("advisory:read", { module: "advisor_access" })
    .input(reviewRef)
    .query(async ({ ctx, input }) => {
      const review = await getPerformanceReview(ctx.tx, { tenantId: ctx.tenantId, reviewId: input.reviewId });
      if (!review || (review.status === "draft" && review.authorUserId !== ctx.user.id)) {
        throw notFound("That review");
      }
      return review;
    }),

  draftReview: permittedProcedure("advisory:review", { module: "advisor_access" })
    .input(z.object({ review: performanceReviewInput, idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "advisory.draftReview", async () => {
        const engagement = engagementOf(ctx);
        for (const finding of input.review.findings) {
          if (finding.contractId) await loadContract(ctx, finding.contractId);
        }
        const created = await insertPerformanceReview(ctx.tx, {
          ...input.review,
          tenantId: ctx.tenantId,
          engagementId: engagement.id,
          authorUserId: ctx.user.id,
        });
        await ctx.audit({
          action: "review.drafted",
          entityType: "council",
          entityId: ctx.tenantId,
          after: { reviewId: created.id, title: input.review.title },
        });
        return created;
      }),
    ),

  updateReview: permittedProcedure("advisory:review", { module: "advisor_access" })
    .input(reviewUpdateInput)
    .mutation(async ({ ctx, input }) => {
      engagementOf(ctx);
      await loadOwnReview(ctx, input.reviewId);
      for (const finding of input.review.findings) {
        if (finding.contractId) await loadContract(ctx, finding.contractId);
      }
      const updated = await updateDraftReview(ctx.tx, {
        tenantId: ctx.tenantId,
        reviewId: input.reviewId,
        authorUserId: ctx.user.id,
        version: input.version,
        review: input.review,
      });
      if (!updated) throw changedMeanwhile();
      await ctx.audit({
        action: "review.updated",
        entityType: "council",
        entityId: ctx.tenantId,
        after: { reviewId: updated.id, title: input.review.title },
      });
      return updated;
    }),

  /** Shares a draft with the council; from then on it does not change. */
  shareReview: permittedProcedure("advisory:review", { module: "advisor_access" })
    .input(reviewRef.extend({ version: versionInput }))
    .mutation(async ({ ctx, input }) => {
      engagementOf(ctx);
      const review = await loadOwnReview(ctx, input.reviewId);
      const missing = reviewShareRefusal(review);
      if (missing) throw invalid("This review is not ready to share.", missing);
      const shared = await shareReview(ctx.tx, {
        tenantId: ctx.tenantId,
        reviewId: input.reviewId,
        authorUserId: ctx.user.id,
        version: input.version,
      });
      if (!shared) throw changedMeanwhile();
      await ctx.audit({
        action: "review.shared",
        entityType: "council",
        entityId: ctx.tenantId,
        after: { reviewId: shared.id, title: shared.title },
      });
      return { shared: true };
    }),
});

import { addDays, type EngagementScope, engagementScopes } from "@steward/domain";
import type { Tx } from "./database.ts";
import {
  insertAdvisoryNote,
  insertAdvisoryReply,
  insertPerformanceReview,
  shareReview,
} from "./queries/advisory.ts";
import { recordAuditMany } from "./queries/audit.ts";
import { insertEngagement } from "./queries/engagements.ts";

/** The demo advisor is engaged by the first six demo councils; the seventh's engagement has ended. */
const engagedCouncils = 6;

/**
 * The advisor workspace's demo (issue 9 §7 and §8): the demo advisor engaged by several councils with every
 * scope, granted by each council's admin three months ago for a year; in the first council a recommendation the
 * council has accepted, a note awaiting its answer and a shared performance review; in the second a draft review.
 */
export async function seedAdvisory(
  tx: Tx,
  {
    tenantId,
    advisorId,
    adminId,
    contracts,
    seed,
  }: {
    tenantId: string;
    advisorId: string;
    adminId: string | null;
    contracts: readonly { id: string; reference: string }[];
    /** The council's place in the demo list, from 0. */
    seed: number;
  },
) {
  if (seed > engagedCouncils) return;
  const today = new Date().toISOString().slice(0, 10);
  const ended = seed === engagedCouncils;
  const scopes: EngagementScope[] = ended ? ["read_portfolio"] : [...engagementScopes];
  const engagement = await insertEngagement(tx, {
    tenantId,
    advisorUserId: advisorId,
    scopes,
    startsOn: addDays(today, ended ? -400 : -90),
    endsOn: addDays(today, ended ? -35 : 275),
    grantedBy: adminId,
  });
  const audit: Parameters<typeof recordAuditMany>[1] = [
    {
      tenantId,
      actorUserId: adminId,
      requestId: null,
      action: "engagement.granted",
      entityType: "engagement",
      entityId: engagement.id,
      after: {
        advisorUserId: advisorId,
        advisorEmail: "advisor@steward.demo",
        scopes,
        startsOn: engagement.startsOn,
        endsOn: engagement.endsOn,
      },
    },
  ];
  const waste = contracts.find((contract) => contract.reference === "WST-2023-01");
  if (seed === 0 && waste) {
    const recommendation = await insertAdvisoryNote(tx, {
      tenantId,
      engagementId: engagement.id,
      contractId: waste.id,
      authorUserId: advisorId,
      kind: "recommendation",
      title: "Report missed collections by round, not only in total",
      body: "The East rounds have driven the fall in the missed-collections KPI for nine months while the total hid it. Ask the contractor to report each round's figures with the numerator and denominator (004 §10: ensure the actual numbers are also supplied), and review the East rounds at the next performance meeting.",
    });
    const reply = adminId
      ? await insertAdvisoryReply(tx, {
          tenantId,
          noteId: recommendation.id,
          authorUserId: adminId,
          fromCouncil: "council",
          body: "Agreed. The contract manager will ask for the breakdown from next month's return.",
          decision: "accepted",
        })
      : null;
    const note = await insertAdvisoryNote(tx, {
      tenantId,
      engagementId: engagement.id,
      contractId: null,
      authorUserId: advisorId,
      kind: "note",
      title: "RAG commentary on Amber and Red months",
      body: "Several Amber months carry a one-line commentary. The Contract Assurance Board reads these first (004 §12.3): say what is failing, what the supplier is doing about it and by when.",
    });
    const review = {
      title: "Contract portfolio review",
      periodStart: addDays(today, -180),
      periodEnd: addDays(today, -1),
      summary:
        "The framework is in place and most High tier contracts meet their fundamental requirements. The waste contract's decline was seen late because its KPI is reported only in total.",
      overallRating: "approaching_target" as const,
      findings: [
        {
          area: "performance" as const,
          rating: "requires_improvement" as const,
          finding:
            "Missed collections have fallen below target for nine months, concentrated in the East rounds.",
          recommendation: "Disaggregate the KPI by round and agree an improvement plan with dated actions.",
          contractId: waste.id,
        },
        {
          area: "governance" as const,
          rating: "good" as const,
          finding: "The Contract Assurance Board meets monthly and every Red contract's manager attends.",
          recommendation: null,
          contractId: null,
        },
        {
          area: "compliance" as const,
          rating: "approaching_target" as const,
          finding: "One contract has no senior responsible officer named.",
          recommendation: "Name an SRO for every contract (004 §5).",
          contractId: null,
        },
      ],
    };
    const drafted = await insertPerformanceReview(tx, {
      ...review,
      tenantId,
      engagementId: engagement.id,
      authorUserId: advisorId,
    });
    await shareReview(tx, {
      tenantId,
      reviewId: drafted.id,
      authorUserId: advisorId,
      version: drafted.version,
    });
    audit.push(
      {
        tenantId,
        actorUserId: advisorId,
        requestId: null,
        action: "advisory_note.added",
        entityType: "contract",
        entityId: waste.id,
        after: { noteId: recommendation.id, kind: "recommendation", title: recommendation.title },
      },
      {
        tenantId,
        actorUserId: advisorId,
        requestId: null,
        action: "advisory_note.added",
        entityType: "council",
        entityId: tenantId,
        after: { noteId: note.id, kind: "note", title: note.title },
      },
      {
        tenantId,
        actorUserId: advisorId,
        requestId: null,
        action: "review.shared",
        entityType: "council",
        entityId: tenantId,
        after: { reviewId: drafted.id, title: review.title },
      },
    );
    if (reply) {
      audit.push({
        tenantId,
        actorUserId: adminId,
        requestId: null,
        action: "advisory_note.answered",
        entityType: "contract",
        entityId: waste.id,
        after: { noteId: recommendation.id, replyId: reply.id, decision: "accepted" },
      });
    }
  }
  if (seed === 1) {
    const drafted = await insertPerformanceReview(tx, {
      title: "Half-year portfolio review",
      periodStart: addDays(today, -180),
      periodEnd: addDays(today, -1),
      summary: null,
      overallRating: null,
      findings: [],
      tenantId,
      engagementId: engagement.id,
      authorUserId: advisorId,
    });
    audit.push({
      tenantId,
      actorUserId: advisorId,
      requestId: null,
      action: "review.drafted",
      entityType: "council",
      entityId: tenantId,
      after: { reviewId: drafted.id, title: "Half-year portfolio review" },
    });
  }
  await recordAuditMany(tx, audit);
}

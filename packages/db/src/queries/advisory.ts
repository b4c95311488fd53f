import {
  type AdvisoryNoteKind,
  type KpiRating,
  kpiRatings,
  type PerformanceReviewInput,
  type RagStatus,
  type RecommendationDecision,
} from "@steward/domain";
import { type AnyColumn, and, asc, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { builtOnce, type Tx } from "../database.ts";
import {
  advisoryNotes,
  advisoryReplies,
  contracts,
  kpiRatingMonthColumns,
  kpiRatingMonths,
  organisations,
  performanceReviews,
  ragEntries,
  suppliers,
  users,
} from "../schema/index.ts";
import { owingRagFor, ragEntryOfMonth } from "./rag.ts";

/**
 * The advisor workspace's records in one council (issue 9 §7): notes and their replies, performance reviews, and
 * the figures the advisor's portfolio compares. Every query filters by the council's tenant id.
 */

export async function insertAdvisoryNote(
  tx: Tx,
  values: {
    tenantId: string;
    engagementId: string;
    contractId: string | null;
    authorUserId: string;
    kind: AdvisoryNoteKind;
    title: string;
    body: string;
  },
) {
  const [created] = await tx.insert(advisoryNotes).values(values).returning();
  if (!created) throw new Error("insert returned no note");
  return created;
}

export async function getAdvisoryNote(tx: Tx, { tenantId, noteId }: { tenantId: string; noteId: string }) {
  const [found] = await tx
    .select()
    .from(advisoryNotes)
    .where(and(eq(advisoryNotes.tenantId, tenantId), eq(advisoryNotes.id, noteId)));
  return found ?? null;
}

/** The council's notes (or one contract's), newest first, with the author's name and the contract's reference. */
export async function listAdvisoryNotes(
  tx: Tx,
  { tenantId, contractId }: { tenantId: string; contractId?: string | undefined },
) {
  return tx
    .select({
      id: advisoryNotes.id,
      kind: advisoryNotes.kind,
      title: advisoryNotes.title,
      body: advisoryNotes.body,
      contractId: advisoryNotes.contractId,
      contractReference: contracts.reference,
      contractTitle: contracts.title,
      authorName: users.name,
      createdAt: advisoryNotes.createdAt,
    })
    .from(advisoryNotes)
    .innerJoin(users, eq(users.id, advisoryNotes.authorUserId))
    .leftJoin(
      contracts,
      and(eq(contracts.tenantId, advisoryNotes.tenantId), eq(contracts.id, advisoryNotes.contractId)),
    )
    .where(
      and(
        eq(advisoryNotes.tenantId, tenantId),
        contractId ? eq(advisoryNotes.contractId, contractId) : undefined,
      ),
    )
    .orderBy(desc(advisoryNotes.createdAt), desc(advisoryNotes.id));
}

/** The replies under some notes, oldest first. */
export async function listAdvisoryReplies(
  tx: Tx,
  { tenantId, noteIds }: { tenantId: string; noteIds: string[] },
) {
  if (noteIds.length === 0) return [];
  return tx
    .select({
      id: advisoryReplies.id,
      noteId: advisoryReplies.noteId,
      body: advisoryReplies.body,
      decision: advisoryReplies.decision,
      fromCouncil: sql<boolean>`${advisoryReplies.fromCouncil} = 'council'`,
      authorName: users.name,
      createdAt: advisoryReplies.createdAt,
    })
    .from(advisoryReplies)
    .innerJoin(users, eq(users.id, advisoryReplies.authorUserId))
    .where(and(eq(advisoryReplies.tenantId, tenantId), inArray(advisoryReplies.noteId, noteIds)))
    .orderBy(asc(advisoryReplies.createdAt), asc(advisoryReplies.id));
}

export async function insertAdvisoryReply(
  tx: Tx,
  values: {
    tenantId: string;
    noteId: string;
    authorUserId: string;
    fromCouncil: "council" | "advisor";
    body: string;
    decision: RecommendationDecision | null;
  },
) {
  const [created] = await tx.insert(advisoryReplies).values(values).returning();
  if (!created) throw new Error("insert returned no reply");
  return created;
}

const reviewColumns = {
  id: performanceReviews.id,
  authorUserId: performanceReviews.authorUserId,
  authorName: users.name,
  title: performanceReviews.title,
  periodStart: performanceReviews.periodStart,
  periodEnd: performanceReviews.periodEnd,
  summary: performanceReviews.summary,
  overallRating: performanceReviews.overallRating,
  findings: performanceReviews.findings,
  status: performanceReviews.status,
  sharedAt: performanceReviews.sharedAt,
  version: performanceReviews.version,
  createdAt: performanceReviews.createdAt,
  updatedAt: performanceReviews.updatedAt,
};

/**
 * The council's performance reviews, newest first: the shared ones, and the drafts of `draftsOf` (an advisor
 * sees their own drafts; the council sees a review once it is shared).
 */
export async function listPerformanceReviews(
  tx: Tx,
  { tenantId, draftsOf }: { tenantId: string; draftsOf: string | null },
) {
  return tx
    .select(reviewColumns)
    .from(performanceReviews)
    .innerJoin(users, eq(users.id, performanceReviews.authorUserId))
    .where(
      and(
        eq(performanceReviews.tenantId, tenantId),
        draftsOf
          ? or(eq(performanceReviews.status, "shared"), eq(performanceReviews.authorUserId, draftsOf))
          : eq(performanceReviews.status, "shared"),
      ),
    )
    .orderBy(desc(performanceReviews.createdAt), desc(performanceReviews.id));
}

export async function getPerformanceReview(
  tx: Tx,
  { tenantId, reviewId }: { tenantId: string; reviewId: string },
) {
  const [found] = await tx
    .select(reviewColumns)
    .from(performanceReviews)
    .innerJoin(users, eq(users.id, performanceReviews.authorUserId))
    .where(and(eq(performanceReviews.tenantId, tenantId), eq(performanceReviews.id, reviewId)));
  return found ?? null;
}

export async function insertPerformanceReview(
  tx: Tx,
  values: PerformanceReviewInput & { tenantId: string; engagementId: string; authorUserId: string },
) {
  const [created] = await tx
    .insert(performanceReviews)
    .values(values)
    .returning({ id: performanceReviews.id, version: performanceReviews.version });
  if (!created) throw new Error("insert returned no review");
  return created;
}

/** Rewrites the author's draft at the version they read; null when it changed, is shared, or is not theirs. */
export async function updateDraftReview(
  tx: Tx,
  {
    tenantId,
    reviewId,
    authorUserId,
    version,
    review,
  }: {
    tenantId: string;
    reviewId: string;
    authorUserId: string;
    version: number;
    review: PerformanceReviewInput;
  },
) {
  const [updated] = await tx
    .update(performanceReviews)
    .set({ ...review, version: sql`${performanceReviews.version} + 1`, updatedAt: new Date() })
    .where(ownDraft({ tenantId, reviewId, authorUserId, version }))
    .returning({ id: performanceReviews.id, version: performanceReviews.version });
  return updated ?? null;
}

/** Shares the author's draft at the version they read; null when it changed, is shared, or is not theirs. */
export async function shareReview(
  tx: Tx,
  {
    tenantId,
    reviewId,
    authorUserId,
    version,
  }: { tenantId: string; reviewId: string; authorUserId: string; version: number },
) {
  const [shared] = await tx
    .update(performanceReviews)
    .set({ status: "shared", sharedAt: new Date(), version: sql`${performanceReviews.version} + 1` })
    .where(ownDraft({ tenantId, reviewId, authorUserId, version }))
    .returning({ id: performanceReviews.id, title: performanceReviews.title });
  return shared ?? null;
}

function ownDraft({
  tenantId,
  reviewId,
  authorUserId,
  version,
}: {
  tenantId: string;
  reviewId: string;
  authorUserId: string;
  version: number;
}) {
  return and(
    eq(performanceReviews.tenantId, tenantId),
    eq(performanceReviews.id, reviewId),
    eq(performanceReviews.authorUserId, authorUserId),
    eq(performanceReviews.status, "draft"),
    eq(performanceReviews.version, version),
  );
}

/**
 * The council's KPI measurements of periods from `from` to before `to`, counted by rating for each organisation
 * its contracts' suppliers are linked to (null: a contract with no supplier, or one not linked to the registry).
 * Read from the counts kept a contract and month (`kpi_rating_months`), summed per contract first, then joined.
 */
const ratingsByOrganisation = builtOnce((db) => {
  const tenantId = sql.placeholder("tenantId");
  const summed = (counted: AnyColumn | SQL.Aliased) => sql<number>`sum(${counted})::int`;
  const byContract = db
    .select({
      contractId: kpiRatingMonths.contractId,
      ...perRating((rating) => summed(kpiRatingMonthColumns[rating]).as(rating)),
    })
    .from(kpiRatingMonths)
    .where(
      and(
        eq(kpiRatingMonths.tenantId, tenantId),
        gte(kpiRatingMonths.periodStart, sql.placeholder("from")),
        lt(kpiRatingMonths.periodStart, sql.placeholder("to")),
      ),
    )
    .groupBy(kpiRatingMonths.contractId)
    .as("by_contract");
  return (
    db
      .select({
        organisationId: suppliers.organisationId,
        ...perRating((rating) => summed(byContract[rating])),
      })
      .from(byContract)
      // Every count has its contract (a foreign key), so the inner join keeps them all.
      .innerJoin(contracts, and(eq(contracts.tenantId, tenantId), eq(contracts.id, byContract.contractId)))
      .leftJoin(suppliers, and(eq(suppliers.tenantId, tenantId), eq(suppliers.id, contracts.supplierId)))
      .groupBy(suppliers.organisationId)
  );
});

function perRating<T>(of: (rating: KpiRating) => T): Record<KpiRating, T> {
  return Object.fromEntries(kpiRatings.map((rating) => [rating, of(rating)])) as Record<KpiRating, T>;
}

/**
 * The council's live contracts that owe a RAG for `month`, counted by the organisation their supplier is linked
 * to (null: no supplier, or one not linked to the registry) and their RAG for it (null: not set).
 */
const ragByOrganisation = builtOnce((db) => {
  const month = sql.placeholder("month");
  // Counted by the supplier's organisation id first, then named: one lookup of the registry an organisation.
  const counted = db
    .select({
      organisationId: suppliers.organisationId,
      supplierName: sql<string | null>`max(${suppliers.name})`.as("supplier_name"),
      status: ragEntries.status,
      contracts: count().as("contracts"),
    })
    .from(contracts)
    .leftJoin(
      suppliers,
      and(eq(suppliers.tenantId, contracts.tenantId), eq(suppliers.id, contracts.supplierId)),
    )
    .leftJoin(ragEntries, ragEntryOfMonth(month))
    .where(owingRagFor(sql.placeholder("tenantId"), month))
    .groupBy(suppliers.organisationId, ragEntries.status)
    .as("counted");
  return db
    .select({
      organisationId: organisations.id,
      // The registry's authoritative name, else this council's own name for the supplier (its advisor may see it).
      organisationName: sql<string>`coalesce(${organisations.name}, ${counted.supplierName})`,
      status: counted.status,
      contracts: sql<number>`${counted.contracts}`.mapWith(Number),
    })
    .from(counted)
    .leftJoin(organisations, eq(organisations.id, counted.organisationId));
});

/**
 * The council's supplier organisations (suppliers linked to the registry), each with its live contracts that owe
 * a RAG for `month`, their RAG for it, and the KPI measurements of periods from `from` to before `to` by rating:
 * one row per organisation, RAG status and rating. The named comparison of the advisor's portfolio. With them,
 * the council's own figures from the same statements, linked or not: `councilRag`, all its contracts owing that
 * RAG by status (its RAG mix), and `councilRatings`, all its measurements of those periods by rating (its
 * attainment).
 */
export async function listSupplierFigures(
  tx: Tx,
  { tenantId, month, from, to }: { tenantId: string; month: string; from: string; to: string },
) {
  const [ragRows, byOrganisation] = await Promise.all([
    ragByOrganisation(tx, { tenantId, month }),
    ratingsByOrganisation(tx, { tenantId, from, to }),
  ]);
  const councilRag = new Map<RagStatus | null, number>();
  for (const row of ragRows) councilRag.set(row.status, (councilRag.get(row.status) ?? 0) + row.contracts);
  const rag = ragRows.flatMap(({ organisationId, ...row }) =>
    organisationId === null ? [] : [{ organisationId, ...row }],
  );
  const ratings = byOrganisation.flatMap((row) =>
    kpiRatings.flatMap((rating) =>
      row[rating] === 0 ? [] : [{ organisationId: row.organisationId, rating, measurements: row[rating] }],
    ),
  );
  const councilRatings = new Map<KpiRating, number>();
  for (const row of ratings) {
    councilRatings.set(row.rating, (councilRatings.get(row.rating) ?? 0) + row.measurements);
  }
  return {
    rag,
    ratings: ratings.flatMap(({ organisationId, rating, measurements }) =>
      organisationId === null ? [] : [{ organisationId, rating, measurements }],
    ),
    councilRag: [...councilRag].map(([status, contracts]) => ({ status, contracts })),
    councilRatings: [...councilRatings].map(([rating, measurements]) => ({ rating, measurements })),
  };
}

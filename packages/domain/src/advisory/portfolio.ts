import type { KpiRating, RagStatus } from "../performance/vocabulary.ts";

/**
 * The advisor's portfolio home (issue 9 §7, DESIGN §5): every actively engaged council side by side, each read in
 * its own tenant-scoped transaction and combined here, and the suppliers those councils share, named.
 */

/** The months of KPI measurements the portfolio's attainment reads: the year up to last month. */
export const attainmentMonths = 12;

/**
 * KPI attainment rate (issue 9 §2, a universal measure): the share of rated measurements rated Good, i.e. at or
 * better than target (PR24 reg 39(5)'s scale; "Other" says the scale did not fit and is left out). Whole
 * percent; null when nothing was rated.
 */
export function kpiAttainmentRate(counts: readonly { rating: KpiRating | null; measurements: number }[]) {
  let rated = 0;
  let good = 0;
  for (const { rating, measurements } of counts) {
    if (rating === null || rating === "other") continue;
    rated += measurements;
    if (rating === "good") good += measurements;
  }
  return rated === 0 ? null : Math.round((good / rated) * 100);
}

export type RagMix = Record<RagStatus | "unset", number>;

/** The contracts owing a RAG for the month, by the status set (unset: owed and not set yet). */
export function ragMixOf(counts: readonly { status: RagStatus | null; contracts: number }[]): RagMix {
  const mix: RagMix = { green: 0, amber: 0, red: 0, unset: 0 };
  for (const { status, contracts } of counts) mix[status ?? "unset"] += contracts;
  return mix;
}

export interface SupplierFigures {
  organisationId: string;
  organisationName: string;
  contracts: number;
  rag: RagMix;
  ratings: { rating: KpiRating | null; measurements: number }[];
}

/** One council's rows of `listSupplierFigures` (RAG counts and ratings, per organisation) as figures per supplier. */
export function supplierFiguresOf(rows: {
  rag: readonly {
    organisationId: string;
    organisationName: string;
    status: RagStatus | null;
    contracts: number;
  }[];
  ratings: readonly { organisationId: string; rating: KpiRating; measurements: number }[];
}): SupplierFigures[] {
  const byOrganisation = new Map<string, SupplierFigures>();
  for (const row of rows.rag) {
    const entry = byOrganisation.get(row.organisationId) ?? {
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      contracts: 0,
      rag: { green: 0, amber: 0, red: 0, unset: 0 },
      ratings: [],
    };
    entry.contracts += row.contracts;
    entry.rag[row.status ?? "unset"] += row.contracts;
    byOrganisation.set(row.organisationId, entry);
  }
  for (const row of rows.ratings) {
    byOrganisation
      .get(row.organisationId)
      ?.ratings.push({ rating: row.rating, measurements: row.measurements });
  }
  return [...byOrganisation.values()];
}

export interface SupplierAcrossCouncils {
  organisationId: string;
  organisationName: string;
  councils: {
    tenantId: string;
    contracts: number;
    rag: RagMix;
    attainment: number | null;
  }[];
  /** Over the councils' measurements together, not an average of their rates. */
  attainment: number | null;
}

/**
 * The supplier organisations of the engaged councils, named, with each council's figures beside each other.
 * Only the councils given appear (those that engaged the advisor); a supplier record not linked to the
 * organisation registry is one council's alone and is left out. Organisations at the most councils come first.
 */
export function suppliersAcrossCouncils(
  councils: readonly { tenantId: string; suppliers: readonly SupplierFigures[] }[],
): SupplierAcrossCouncils[] {
  const byOrganisation = new Map<
    string,
    SupplierAcrossCouncils & { allRatings: SupplierFigures["ratings"] }
  >();
  for (const council of councils) {
    for (const supplier of council.suppliers) {
      const entry = byOrganisation.get(supplier.organisationId) ?? {
        organisationId: supplier.organisationId,
        organisationName: supplier.organisationName,
        councils: [],
        attainment: null,
        allRatings: [],
      };
      entry.councils.push({
        tenantId: council.tenantId,
        contracts: supplier.contracts,
        rag: supplier.rag,
        attainment: kpiAttainmentRate(supplier.ratings),
      });
      entry.allRatings.push(...supplier.ratings);
      byOrganisation.set(supplier.organisationId, entry);
    }
  }
  return [...byOrganisation.values()]
    .map(({ allRatings, ...entry }) => ({ ...entry, attainment: kpiAttainmentRate(allRatings) }))
    .sort(
      (a, b) => b.councils.length - a.councils.length || a.organisationName.localeCompare(b.organisationName),
    );
}

import { z } from "zod";
import { addMonths, firstOfMonth } from "../contracts/iso-dates.ts";
import { isoDate, optionalTextInput, textLimits } from "../input.ts";
import { can, type Role } from "../roles.ts";
import {
  type KpiFrequency,
  type KpiRating,
  kpiFrequencyMonths,
  kpiRatingLabels,
  type RagStatus,
  ragStatuses,
} from "./vocabulary.ts";

/**
 * The monthly RAG tracker (004 §12.3: "Contract Managers will give the contracts they manage a RAG rating each
 * month, providing commentary on Amber/Red statuses"). Steward suggests a status from the facts it holds; the
 * manager sets the status, and the suggestion is kept beside it with its reasons.
 */

export type RagSuggestion = { status: RagStatus; reasons: string[] };

/** What the suggestion reads for one contract and one month. */
export type RagFacts = {
  /** Each live KPI of the contract with the rating of the measurement covering the month; null when none does. */
  kpis: readonly { name: string; rating: KpiRating | null }[];
  /** The contract's obligations overdue today (the monthly RAG itself left out: setting it meets it). */
  overdueObligations: readonly { title: string }[];
  /** Improvement plans not yet closed. */
  improvementPlans: readonly { title: string; status: "open" | "escalated" }[];
};

const severity: Record<RagStatus, number> = { green: 0, amber: 1, red: 2 };

/** The worse of two statuses. */
export function worseRag(a: RagStatus, b: RagStatus): RagStatus {
  return severity[b] > severity[a] ? b : a;
}

function names(items: readonly { name: string }[]): string {
  return items.map((item) => item.name).join(", ");
}

function count(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/**
 * The suggested RAG of a month, with a reason for every fact that moved it (and the notes that did not), worst
 * first. Sources:
 * - PR24 reg 39(5) ratings: a KPI rated Inadequate makes the month Red; Requires improvement makes it Amber;
 *   Approaching target and Good leave it Green (Approaching target is named, since it is short of target).
 * - 004 §5: an improvement plan is "used where a contract is failing", so an open plan makes the month at least
 *   Amber; a plan escalated to the SRO makes it Red (Steward: escalation means the plan is not recovering it).
 * - 004 §5 duties: any obligation overdue makes it Amber (Steward: a missed duty is a management risk, not yet
 *   a delivery failure).
 * - 004 §10 ("ensure the actual numbers are also supplied"): a contract with KPIs and no measurement for the
 *   month is Amber, since nothing shows how it performed; KPIs rated Other (no usable data) or with no
 *   measurement are named but, while some KPI is rated, do not move the status.
 */
export function suggestRag(facts: RagFacts): RagSuggestion {
  const red: string[] = [];
  const amber: string[] = [];
  const notes: string[] = [];
  const rated = (rating: KpiRating) => facts.kpis.filter((kpi) => kpi.rating === rating);

  const inadequate = rated("inadequate");
  if (inadequate.length > 0) {
    red.push(`${count(inadequate.length, "KPI")} rated Inadequate: ${names(inadequate)}.`);
  }
  const escalated = facts.improvementPlans.filter((plan) => plan.status === "escalated");
  if (escalated.length > 0) {
    red.push(
      `${count(escalated.length, "improvement plan")} escalated to the SRO: ${escalated.map((plan) => plan.title).join(", ")}.`,
    );
  }
  const requiresImprovement = rated("requires_improvement");
  if (requiresImprovement.length > 0) {
    amber.push(
      `${count(requiresImprovement.length, "KPI")} rated Requires improvement: ${names(requiresImprovement)}.`,
    );
  }
  const open = facts.improvementPlans.filter((plan) => plan.status === "open");
  if (open.length > 0) {
    amber.push(
      `${count(open.length, "improvement plan")} open: ${open.map((plan) => plan.title).join(", ")}.`,
    );
  }
  if (facts.overdueObligations.length > 0) {
    amber.push(
      `${count(facts.overdueObligations.length, "obligation")} overdue: ${facts.overdueObligations.map((obligation) => obligation.title).join(", ")}.`,
    );
  }
  const measured = facts.kpis.filter((kpi) => kpi.rating !== null);
  if (facts.kpis.length > 0 && measured.length === 0) {
    amber.push(
      `No KPI has a measurement for the month (${count(facts.kpis.length, "KPI")}): ask for the supplier's return.`,
    );
  } else {
    const missing = facts.kpis.filter((kpi) => kpi.rating === null);
    if (missing.length > 0) notes.push(`No measurement for the month: ${names(missing)}.`);
  }
  const other = rated("other");
  if (other.length > 0)
    notes.push(`${count(other.length, "KPI")} rated Other (not enough data): ${names(other)}.`);
  const approaching = rated("approaching_target");
  if (approaching.length > 0) {
    notes.push(`${count(approaching.length, "KPI")} approaching target: ${names(approaching)}.`);
  }

  const status: RagStatus = red.length > 0 ? "red" : amber.length > 0 ? "amber" : "green";
  if (status === "green") {
    const good = rated("good");
    notes.unshift(
      facts.kpis.length === 0
        ? "No KPIs are recorded, no obligation is overdue and no improvement plan is open."
        : `${count(good.length, "KPI")} of ${facts.kpis.length} rated ${kpiRatingLabels.good}, none below Approaching target; no obligation overdue and no improvement plan open.`,
    );
  }
  return { status, reasons: [...red, ...amber, ...notes] };
}

/**
 * Whether a measurement of a KPI measured at `frequency` for the period starting `periodStart` covers `month`
 * (both first days of months): a quarterly measurement from 1 January covers January to March.
 */
export function periodCoversMonth(periodStart: string, frequency: KpiFrequency, month: string): boolean {
  return periodStart <= month && month < addMonths(firstOfMonth(periodStart), kpiFrequencyMonths[frequency]);
}

/**
 * The rating of each KPI for `month`: its measurement whose period covers the month (the latest when several
 * do), or null when none does.
 */
export function kpiRatingsForMonth(
  kpis: readonly { id: string; name: string; frequency: KpiFrequency }[],
  measurements: readonly { kpiId: string; periodStart: string; rating: KpiRating }[],
  month: string,
): { name: string; rating: KpiRating | null }[] {
  return kpis.map((kpi) => {
    const covering = measurements
      .filter((m) => m.kpiId === kpi.id && periodCoversMonth(m.periodStart, kpi.frequency, month))
      .sort((a, b) => b.periodStart.localeCompare(a.periodStart));
    return { name: kpi.name, rating: covering[0]?.rating ?? null };
  });
}

/** 004 §12.3 asks for commentary on Amber and Red (PostgreSQL checks it too: rag_entries_commentary_check). */
export function commentaryRequired(status: RagStatus): boolean {
  return status !== "green";
}

/** The month a RAG is normally set for: the one before today's (its return is due by the council's due day). */
export function ragDueMonth(today: string): string {
  return firstOfMonth(today, -1);
}

/** The months of a contract's strip, oldest first: the last `length` months up to `month`, none before `since`. */
export function ragStripMonths(month: string, length: number, since: string | null): string[] {
  const from = since === null ? null : firstOfMonth(since);
  return Array.from({ length }, (_, index) => firstOfMonth(month, index - length + 1)).filter(
    (each) => from === null || each >= from,
  );
}

/**
 * Why a RAG cannot be set for `month`, or null: a month not yet begun has nothing to report on, and a month
 * before the contract started had no contract to manage.
 */
export function ragMonthProblem(month: string, today: string, startDate: string | null): string | null {
  if (month > firstOfMonth(today)) return "Choose this month or an earlier one: this month has not begun.";
  if (startDate !== null && month < firstOfMonth(startDate)) {
    return "Choose a month from the contract's start onwards.";
  }
  return null;
}

/**
 * Why this member may not set a contract's monthly RAG, or null when they may. 004 §12.3: "Contract Managers
 * will give the contracts they manage a RAG rating each month", so it is the contract's own manager who sets it.
 * Its SRO, "ultimately accountable for the delivery of the contract, overseeing the work of the contract manager"
 * (004 §8.3), may set it too (covering an absence, or overruling a rating), and so may a council admin. Another
 * manager or SRO of the council may not, nor a member whose role cannot write performance records at all.
 */
export function ragSetterProblem(
  member: { role: Role; userId: string },
  contract: { contractManagerId: string | null; sroId: string | null },
): string | null {
  if (!can(member.role, "performance:write")) return "Your role cannot set RAG statuses.";
  if (member.role === "admin") return null;
  if (member.userId === contract.contractManagerId || member.userId === contract.sroId) return null;
  return contract.contractManagerId === null
    ? "Only this contract's SRO or a council admin can set its RAG status until it has a contract manager."
    : "Only this contract's manager, its SRO or a council admin can set its RAG status (004 §12.3).";
}

/** A month as `YYYY-MM` in input; stored as its first day. */
export const monthInput = z
  .string({ error: "Choose a month." })
  .regex(/^\d{4}-\d{2}$/, "Choose a month as YYYY-MM.")
  .transform((month) => `${month}-01`)
  .pipe(isoDate);

/** A month's status, with commentary for Amber and Red (004 §12.3). */
export const ragEntryInput = z
  .object({
    status: z.enum(ragStatuses, { error: "Choose Green, Amber or Red." }),
    commentary: optionalTextInput(textLimits.long),
  })
  .superRefine((entry, context) => {
    if (commentaryRequired(entry.status) && entry.commentary === null) {
      context.addIssue({
        code: "custom",
        path: ["commentary"],
        message: "Say what is wrong and what is being done: Amber and Red need commentary (004 §12.3).",
      });
    }
  });
export type RagEntryInput = z.infer<typeof ragEntryInput>;

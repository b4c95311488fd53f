import { z } from "zod";
import { idInput, listInput, optionalTextInput, textInput, textLimits, versionInput } from "../input.ts";
import type { Jurisdiction } from "../tenant-settings.ts";
import type { KpiRating } from "./vocabulary.ts";

export type ExitChecklistEntry = { item: string; done: boolean; note: string | null };

/**
 * 004 §6 "Contract close": the activities of closing a contract, as the exit checklist starts. A council may add
 * its own items or reword these; an item that does not apply is ticked with a note saying why.
 */
export function defaultExitChecklist(jurisdiction: Jurisdiction): ExitChecklistEntry[] {
  const items = [
    "Exit arrangements implemented and notice served on the supplier",
    "Data returned or destroyed as the contract requires",
    "Assets transferred back to the council",
    "Intellectual property and licences settled",
    "Final invoice received and paid",
    "End of contract communicated to stakeholders",
    "Lessons learnt considered with the supplier",
    "Options for re-procurement considered",
    // PA23 s.80: a Contract Termination Notice within 30 days of the contract ending (England).
    ...(jurisdiction === "GB-ENG" ? ["Contract Termination Notice published"] : []),
  ];
  return items.map((item) => ({ item, done: false, note: null }));
}

const checklistItemInput = z.object({
  item: textInput({ max: textLimits.short, min: 1, required: "Say what the item is." }),
  done: z.boolean(),
  note: optionalTextInput(textLimits.long),
});

export const closeOutInput = z.object({
  checklist: listInput(checklistItemInput, 50, "A checklist holds at most 50 items."),
  /** 001 §8: "performance evaluation" at closure: how the contract did against its KPIs and its purpose. */
  finalEvaluation: optionalTextInput(textLimits.long),
});
export type CloseOutInput = z.infer<typeof closeOutInput>;

export const saveCloseOutInput = z.object({
  contractId: idInput,
  version: versionInput.nullable(),
  closeOut: closeOutInput,
});

export const completeCloseOutInput = z.object({ contractId: idInput, version: versionInput });

/**
 * What stops a close-out being completed (004 §6, 001 §8): every checklist item done and the final evaluation
 * written. Field messages keyed as the form names them; empty when it can be completed.
 */
export function closeOutCompletionProblems(closeOut: CloseOutInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (closeOut.checklist.length === 0) {
    problems.checklist = "Add the exit checklist's items before completing the close-out.";
  }
  closeOut.checklist.forEach((entry, index) => {
    if (!entry.done) {
      problems[`checklist.${index}.done`] =
        "Tick this item once it is done; if it does not apply, tick it and say why in its note.";
    }
  });
  if (closeOut.finalEvaluation === null) {
    problems.finalEvaluation = "Write the final evaluation: how the contract performed against its KPIs.";
  }
  return problems;
}

/** One KPI's record over the contract's life, as the close-out's final evaluation reads it. */
export type KpiRecord = {
  kpiId: string;
  name: string;
  ratings: Partial<Record<KpiRating, number>>;
  /** The rating of the latest period measured; null when never measured. */
  latestRating: KpiRating | null;
  latestPeriod: string | null;
};

export type KpiEvaluation = KpiRecord & {
  periods: number;
  /** Share of measured periods rated Good, as a whole percentage; null when never measured. */
  percentGood: number | null;
};

/**
 * The final evaluation against the KPIs (001 §8 "structured contract closure process with performance
 * evaluation"): for each KPI, how many periods were measured, how they were rated (PR24 reg 39(5)) and the
 * share rated Good; and overall, how many KPIs ended Good and how many were never measured.
 */
export function evaluateKpis(records: readonly KpiRecord[]) {
  const kpis: KpiEvaluation[] = records.map((record) => {
    const periods = Object.values(record.ratings).reduce((sum, count) => sum + (count ?? 0), 0);
    return {
      ...record,
      periods,
      percentGood: periods === 0 ? null : Math.round(((record.ratings.good ?? 0) * 100) / periods),
    };
  });
  const measured = kpis.filter((kpi) => kpi.periods > 0);
  const endedGood = measured.filter((kpi) => kpi.latestRating === "good").length;
  const totalPeriods = measured.reduce((sum, kpi) => sum + kpi.periods, 0);
  const goodPeriods = measured.reduce((sum, kpi) => sum + (kpi.ratings.good ?? 0), 0);
  return {
    kpis,
    measured: measured.length,
    neverMeasured: kpis.length - measured.length,
    endedGood,
    percentGood: totalPeriods === 0 ? null : Math.round((goodPeriods * 100) / totalPeriods),
  };
}
export type KpiEvaluationSummary = ReturnType<typeof evaluateKpis>;

/** A lesson learned (004 §6 "Consider lessons learnt, involving supplier"), searchable across the council. */
export const lessonInput = z.object({
  contractId: idInput,
  title: textInput({ max: textLimits.short, min: 1, required: "Give the lesson a short title." }),
  body: textInput({
    max: textLimits.long,
    min: 1,
    required: "Say what was learnt and what to do differently next time.",
  }),
});
export type LessonInput = z.infer<typeof lessonInput>;

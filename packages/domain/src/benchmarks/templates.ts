import type { KpiUnit } from "../performance/vocabulary.ts";
import { supplierNameKey } from "../register-import/suppliers.ts";

/**
 * Suggesting the KPI library template a council's KPI measures (issue 9 §2), from its name and unit. The council
 * confirms the link; a suggestion only ranks. Words that say nothing of what is measured are left out.
 */
const fillerWords = new Set([
  "a",
  "an",
  "and",
  "of",
  "the",
  "to",
  "in",
  "on",
  "for",
  "by",
  "per",
  "within",
  "with",
  "rate",
  "number",
  "percentage",
  "percent",
  "total",
  "average",
  "kpi",
  "ex",
  "ni",
  "time",
  "target",
  "completed",
  "done",
]);

function words(text: string): Set<string> {
  return new Set(
    // A template's codes and notes in brackets ("(ex-NI 192)", "(Scot. Charter Ind. 11)") are not its words.
    supplierNameKey(text.replace(/\([^)]*\)/g, " "))
      .split(" ")
      .map((word) => word.replace(/s$/, ""))
      .filter((word) => word.length > 1 && !fillerWords.has(word)),
  );
}

export interface TemplateCandidate {
  id: string;
  name: string;
  unit: KpiUnit;
}

/** How well a KPI's name and unit fit a template: shared words over the template's words, plus one for the unit. */
export function templateFit(kpi: { name: string; unit: KpiUnit }, template: TemplateCandidate): number {
  const own = words(kpi.name);
  const theirs = words(template.name);
  if (theirs.size === 0) return 0;
  let shared = 0;
  for (const word of theirs) if (own.has(word)) shared += 1;
  if (shared === 0) return 0;
  return shared / theirs.size + (kpi.unit === template.unit ? 1 : 0);
}

/**
 * The templates a KPI may measure, best first (at most `limit`): those sharing a word of substance with its name,
 * ranked by `templateFit`, ties by name. A template of another unit can still be suggested (a council may count what
 * the library rates), but ranks below one of the same unit that fits as well.
 */
export function suggestTemplates<T extends TemplateCandidate>(
  kpi: { name: string; unit: KpiUnit },
  templates: readonly T[],
  limit = 3,
): T[] {
  return templates
    .map((template) => ({ template, fit: templateFit(kpi, template) }))
    .filter((candidate) => candidate.fit > 0)
    .sort((a, b) => b.fit - a.fit || a.template.name.localeCompare(b.template.name))
    .slice(0, limit)
    .map((candidate) => candidate.template);
}

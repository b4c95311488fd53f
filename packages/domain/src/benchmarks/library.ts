import type { KpiDirection, KpiUnit } from "../performance/vocabulary.ts";

/**
 * Reads the KPI library's starting material (fixtures/kpi-library.md, compiled from the public sources it names)
 * into service categories and KPI templates (issue 9 §2). Each numbered section with a table is a category; each
 * row with a direction is a template. Rows that are not measures (the APSE dimensions, the repair priority
 * classes: no direction) are left out.
 */
export interface LibraryTemplate {
  slug: string;
  name: string;
  definition: string;
  unit: KpiUnit;
  /** The unit's words when `unit` is `other` ("kg per household a year"). */
  unitLabel: string | null;
  direction: KpiDirection;
  numeratorDefinition: string | null;
  denominatorDefinition: string | null;
  guidance: string;
  source: string;
}

export interface LibraryCategory {
  slug: string;
  name: string;
  templates: LibraryTemplate[];
}

export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The library's unit words, as the KPI units councils already use. */
function unitOf(words: string): { unit: KpiUnit; unitLabel: string | null } {
  const text = words.trim().toLowerCase();
  if (text.startsWith("per 100,000")) return { unit: "per_100000", unitLabel: null };
  if (text.startsWith("%")) return { unit: "percent", unitLabel: null };
  if (text.startsWith("count")) return { unit: "count", unitLabel: null };
  if (text.startsWith("£")) return { unit: "money", unitLabel: null };
  if (text === "days") return { unit: "days", unitLabel: null };
  if (text === "hours") return { unit: "hours", unitLabel: null };
  if (text === "index" || text === "score") return { unit: "score", unitLabel: null };
  return { unit: "other", unitLabel: words.trim() };
}

function directionOf(words: string): KpiDirection | null {
  if (words.includes("↑")) return "higher_is_better";
  if (words.includes("↓")) return "lower_is_better";
  return null;
}

const plain = (text: string) => text.replace(/\*\*/g, "").replace(/\s+/g, " ").trim();

/** "a ÷ b. More words" → a and b, when the definition is a ratio. */
function ratioOf(definition: string): { numerator: string | null; denominator: string | null } {
  const [numerator, rest] = definition.split(" ÷ ");
  if (!numerator || !rest) return { numerator: null, denominator: null };
  const denominator = rest.split(/\.\s|;\s| × /)[0]?.replace(/\.$/, "");
  return { numerator: numerator.trim(), denominator: denominator?.trim() || null };
}

export function parseKpiLibrary(markdown: string): LibraryCategory[] {
  const categories: LibraryCategory[] = [];
  let current: LibraryCategory | null = null;
  for (const line of markdown.split("\n")) {
    const heading = /^## [1-9]\d*\.\s+(.+)$/.exec(line);
    if (heading?.[1]) {
      const name = plain(heading[1]);
      current = { slug: slugOf(name), name, templates: [] };
      categories.push(current);
      continue;
    }
    if (line.startsWith("## ")) {
      current = null;
      continue;
    }
    if (!current || !line.startsWith("| ")) continue;
    const cells = line.split("|").slice(1, -1).map(plain);
    const [name, definition, unitWords, directionWords, typical, source] = cells;
    if (!name || !definition || !unitWords || directionWords === undefined || name === "KPI") continue;
    const direction = directionOf(directionWords);
    if (!direction) continue;
    const ratio = ratioOf(definition);
    const guidance = [
      directionWords.replace(/[↑↓]/g, "").trim(),
      typical && typical !== "n/a" ? `Published values: ${typical}` : "",
    ]
      .filter(Boolean)
      .join(" ");
    current.templates.push({
      slug: slugOf(name),
      name,
      definition,
      ...unitOf(unitWords),
      direction,
      numeratorDefinition: ratio.numerator,
      denominatorDefinition: ratio.denominator,
      guidance,
      source: source && source !== "—" ? source : "",
    });
  }
  return categories.filter((category) => category.templates.length > 0);
}

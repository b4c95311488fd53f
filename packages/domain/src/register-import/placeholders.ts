/** Text that registers put in a cell where the value is unknown. */
const placeholders = new Set([
  "n/a",
  "na",
  "n.a.",
  "tbc",
  "tba",
  "tbd",
  "unknown",
  "not known",
  "not specified",
  "not applicable",
  "none",
  "nil",
  "-",
  "–",
  "—",
  "?",
  "various",
]);

/** Text that registers put where a value is unknown ("TBC", "N/A", "-"). */
export function isPlaceholder(text: string): boolean {
  return placeholders.has(text.trim().toLowerCase());
}

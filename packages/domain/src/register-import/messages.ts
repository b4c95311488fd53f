/** How values appear inside the import's sentences ("Row 4: end date 31/02/2025 is not a real date"). */

/** A value as it appears in a message: bare when it is one short word, otherwise quoted and shortened. */
export function show(value: string): string {
  const trimmed = value.trim();
  const short = trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
  return /^[^\s"]+$/.test(short) ? short : `"${short}"`;
}

/** 2025-04-01 → 01/04/2025, as UK registers write dates. */
export function ukDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/** 2025-04-01 → 1 April 2025. */
export function longDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** "A", "A and B", "A, B and C". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Row numbers in a sentence, the first five and a count beyond six. */
export function listRows(rowNumbers: readonly number[]): string {
  if (rowNumbers.length <= 6) return joinWords(rowNumbers.map(String));
  return `${rowNumbers.slice(0, 5).join(", ")} and ${rowNumbers.length - 5} more`;
}

/** Whether a register row's buying authority is the council importing it. */

// Words every council's name carries in some form, left out so "London Borough of Merton", "Merton Council" and
// "LB Merton" compare as "merton". Place names are kept: Leicester City and Leicestershire County differ.
const genericWords = new Set([
  "the",
  "of",
  "and",
  "council",
  "borough",
  "county",
  "city",
  "district",
  "metropolitan",
  "royal",
  "london",
  "lb",
  "rb",
  "mbc",
  "bc",
  "cc",
  "dc",
  "mdc",
  "unitary",
  "authority",
  "local",
  "municipality",
  "municipal",
]);

function placeWords(name: string): string[] {
  return name
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "" && !genericWords.has(word));
}

/**
 * True when the buyer names this council. The place words must agree; a buyer may add words after them for
 * one of the council's own units ("Suffolk County Council Passenger Transport" is Suffolk's).
 */
export function isSameCouncil(buyer: string, councilName: string): boolean {
  const ours = placeWords(councilName);
  const theirs = placeWords(buyer);
  if (ours.length === 0 || theirs.length === 0) return ours.join(" ") === theirs.join(" ");
  return ours.every((word, index) => theirs[index] === word);
}

import type { OrganisationScheme } from "../contracts/supplier-input.ts";
import { registrationKey, supplierNameKey } from "../register-import/suppliers.ts";

/**
 * The organisation registry's matching rules (issue 9 §1; DESIGN §5): match by registration number first, then
 * by normalised name, and a person confirms. A registry name comes from an authoritative register or the
 * platform operator, never from what a council typed (issue 6 §2.5): a suggestion shows only that name.
 */

/** Legal forms that name no one: "Acme Services Ltd" and "ACME SERVICES LIMITED" are one company. */
const legalSuffixes = [
  "ltd",
  "plc",
  "llp",
  "lp",
  "cic",
  "cio",
  "inc",
  "co",
  "company",
  "uk",
  "pty",
  "rf",
  "npc",
  "soc",
  "group",
];

/**
 * A name as the registry compares it: `supplierNameKey` (case, punctuation, "&"/"and", "Limited"/"Ltd", a
 * leading "The"), then legal forms at the end dropped ("(Pty) Ltd", "Ltd", "PLC", "LLP", "CIC", "Group", "UK").
 * Never empty for a name with letters: "The Company Ltd" keeps "company".
 */
export function organisationMatchKey(name: string): string {
  const words = supplierNameKey(name).split(" ").filter(Boolean);
  while (words.length > 1 && legalSuffixes.includes(words[words.length - 1] ?? "")) words.pop();
  return words.join(" ");
}

/** Every key an entry is found by: its legal name and each alias, once each. */
export function organisationMatchKeys(name: string | null, aliases: readonly string[]): string[] {
  const keys = [name, ...aliases]
    .filter((value): value is string => Boolean(value))
    .map(organisationMatchKey);
  return [...new Set(keys.filter(Boolean))];
}

/**
 * The shape of each scheme's identifiers, as the register writes them (org-id.guide):
 * - GB-COH (Companies House): eight characters, digits, or two letters for the register (SC Scotland, NI Northern
 *   Ireland, OC an LLP, …) and six digits. A number typed without its leading zeros ("1234567") is padded.
 * - GB-CHC (Charity Commission for England and Wales): a six- or seven-digit number.
 * - GB-SC (Scottish Charity Regulator): SC and six digits.
 * - ZA-CIPC (Companies and Intellectual Property Commission): year / six digits / two-digit entity type.
 * - ZA-NPO (the Department of Social Development's NPO register): three digits, a hyphen, three digits, "NPO".
 */
const identifierShapes: Record<OrganisationScheme, { pattern: RegExp; example: string }> = {
  "GB-COH": {
    pattern:
      /^(\d{8}|(AC|BR|FC|GE|GN|GS|IC|IP|LP|NA|NF|NI|NL|NO|NP|NR|NZ|OC|RC|SA|SC|SE|SF|SG|SI|SL|SO|SP|SR|SZ|ZC)\d{6}|R0\d{6})$/,
    example: "01234567 or SC123456",
  },
  "GB-CHC": { pattern: /^\d{6,7}$/, example: "1123456" },
  "GB-SC": { pattern: /^SC\d{6}$/, example: "SC012345" },
  "ZA-CIPC": { pattern: /^(18|19|20)\d{2}\/\d{6}\/\d{2}$/, example: "2001/012345/07" },
  "ZA-NPO": { pattern: /^\d{3}-\d{3} NPO$/, example: "123-456 NPO" },
};

/**
 * An identifier as the registry stores it: spaces dropped and upper case (`registrationKey`), a Companies House
 * number of one to seven digits padded to eight; ZA-NPO keeps its one space before "NPO". Null when it does not
 * have the scheme's shape.
 */
export function registryIdentifier(scheme: OrganisationScheme, typed: string): string | null {
  let identifier = registrationKey(typed);
  if (scheme === "GB-COH" && /^\d{1,7}$/.test(identifier)) identifier = identifier.padStart(8, "0");
  if (scheme === "ZA-NPO") identifier = identifier.replace(/NPO$/, " NPO");
  return identifierShapes[scheme].pattern.test(identifier) ? identifier : null;
}

/** The message for an identifier that is not of its scheme's shape. */
export function identifierShapeMessage(scheme: OrganisationScheme): string {
  const names: Record<OrganisationScheme, string> = {
    "GB-COH": "A Companies House number",
    "GB-CHC": "A charity number",
    "GB-SC": "A Scottish charity number",
    "ZA-CIPC": "A CIPC registration number",
    "ZA-NPO": "An NPO number",
  };
  return `${names[scheme]} looks like ${identifierShapes[scheme].example}.`;
}

/** A registry entry as matching reads it: only what the registry itself holds. */
export interface RegistryEntry {
  id: string;
  scheme: OrganisationScheme;
  identifier: string;
  /** The authoritative or operator's name; null when none is known yet. */
  name: string | null;
  matchKeys: readonly string[];
}

export interface OrganisationSuggestion {
  organisationId: string;
  scheme: OrganisationScheme;
  identifier: string;
  name: string | null;
  /** Why it is suggested: the registration number is the registry's, or the name matches its legal name or an alias. */
  matchedBy: "registration_number" | "name";
}

/**
 * Registry entries a council's supplier may be, best first: entries whose identifier is the supplier's registration
 * number (in any scheme whose shape it fits), then entries with a name or alias that normalises to the supplier's
 * name. An entry matched by number is not listed again by name. Nothing here links anything: the person confirms.
 */
export function suggestOrganisations(
  supplier: { name: string; registrationNumber: string | null },
  entries: readonly RegistryEntry[],
): OrganisationSuggestion[] {
  const suggestion = (entry: RegistryEntry, matchedBy: OrganisationSuggestion["matchedBy"]) => ({
    organisationId: entry.id,
    scheme: entry.scheme,
    identifier: entry.identifier,
    name: entry.name,
    matchedBy,
  });
  const typed = supplier.registrationNumber;
  const byNumber = typed
    ? entries.filter((entry) => registryIdentifier(entry.scheme, typed) === entry.identifier)
    : [];
  const key = organisationMatchKey(supplier.name);
  const byName = entries.filter(
    (entry) => !byNumber.includes(entry) && key !== "" && entry.matchKeys.includes(key),
  );
  return [
    ...byNumber.map((entry) => suggestion(entry, "registration_number")),
    ...byName.map((entry) => suggestion(entry, "name")),
  ];
}

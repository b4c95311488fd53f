import type { ContractInput } from "../contracts/contract-input.ts";
import { isPlaceholder } from "./placeholders.ts";

/**
 * Readers for the coded cells of a register (category, CPV, route, yes/no, status…). Each returns the value, or
 * undefined when the text is not recognised; blank cells are the caller's business.
 */

export type ContractCategory = ContractInput["category"];
export type ProcurementRoute = NonNullable<ContractInput["procurementRoute"]>;
export type ServiceRisk = ContractInput["serviceRisk"];
export type ContractStatus = ContractInput["status"];
export type LifecycleStage = ContractInput["lifecycleStage"];

function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/**
 * "Services", "Works", "Goods", "Supplies", "Construction", "Social care services". A cell naming two categories
 * ("Goods and services") is not recognised, so the caller falls back to the CPV code.
 */
export function readCategory(text: string): ContractCategory | undefined {
  const value = words(text);
  const found = new Set<ContractCategory>();
  if (/ (works?|construction|civil engineering) /.test(value)) found.add("works");
  if (/ (goods|supplies|supply|products?) /.test(value)) found.add("goods");
  if (/ (services?|consultancy) /.test(value)) found.add("services");
  if (found.size !== 1) return undefined;
  const [category] = found;
  return category;
}

/**
 * CPV divisions (the first two digits): 45 is works; 03–44 and 48 are supplies (goods); 50–98 are services.
 * Source: the CPV 2008 structure (Commission Regulation (EC) No 213/2008, annex I).
 */
export function categoryFromCpv(cpvCode: string): ContractCategory | undefined {
  const division = Number(cpvCode.slice(0, 2));
  if (!/^\d{2}/.test(cpvCode)) return undefined;
  if (division === 45) return "works";
  if ((division >= 3 && division <= 44) || division === 48) return "goods";
  if (division >= 50 && division <= 98) return "services";
  return undefined;
}

export interface CpvReading {
  /** 8 digits, with the check digit if the file gave one: "45210000" or "45210000-2". */
  code: string;
  /** A spreadsheet dropped the leading zero (3000000 for 03000000); it was put back. */
  restoredLeadingZero: boolean;
  /** The cell held more than one code; the first is used. */
  firstOfSeveral: boolean;
}

/** "63712400", "45210000-2", "45210000 - Building construction work", "CPV: 03000000; 09100000". */
export function readCpvCode(text: string): CpvReading | undefined {
  const codes = [...text.matchAll(/(?<!\d)(\d{7,8})(?:-(\d))?(?!\d)/g)];
  const first = codes[0];
  if (!first) return undefined;
  const digits = first[1] ?? "";
  const check = first[2];
  const code = digits.padStart(8, "0") + (check === undefined ? "" : `-${check}`);
  return { code, restoredLeadingZero: digits.length === 7, firstOfSeveral: codes.length > 1 };
}

export interface RouteReading {
  route: ProcurementRoute | null;
  /** False when the text named no route Steward knows: the route is then left blank, never guessed. */
  recognised: boolean;
}

/**
 * Maps the words councils use for a procurement route to the register's routes (PA 2023, and PCR 2015 for
 * older contracts). Checked in this order, so the most telling words win: below threshold (quotations, RFQ) →
 * dynamic market (DPS) → framework (call-off, mini-competition) → competitive flexible → direct award (single
 * tender, waiver, exemption, OCDS "limited") → open → restricted (OCDS "selective") → negotiation or
 * dialogue → other named procedures (innovation partnership, concession). "Not specified" and similar are
 * blank. Anything else is not recognised: the caller leaves it blank and warns, naming it.
 */
export function readProcurementRoute(text: string): RouteReading {
  const trimmed = text.trim();
  if (trimmed === "" || isPlaceholder(trimmed)) return { route: null, recognised: true };
  const value = words(trimmed.replace(/^other\s*[-:–]\s*/i, ""));
  if (value.trim() === "" || value === " other ") return { route: "other", recognised: true };
  const route = (found: ProcurementRoute): RouteReading => ({ route: found, recognised: true });
  if (/ below threshold | under threshold | quotations? | quotes? | rfq | itq | low value /.test(value)) {
    return route("below_threshold");
  }
  if (/ dynamic (market|purchasing)| dps /.test(value)) return route("dynamic_market");
  if (/ framework| call off | mini competition | further competition /.test(value)) return route("framework");
  if (/ competitive flexible | flexible procedure /.test(value)) return route("competitive_flexible");
  if (
    / direct | single (tender|source|supplier) | sole (source|supplier) | waiver | waived | exemption | exception | negotiated without | limited /.test(
      value,
    )
  ) {
    return route("direct_award");
  }
  if (/ open /.test(value)) return route("open");
  if (/ restricted | selective /.test(value)) return route("restricted");
  if (/ negotiat| competitive dialogue | dialogue /.test(value)) return route("competitive_negotiation");
  if (/ (innovation partnership|concession|competitive procedure|design contest) /.test(value)) {
    return route("other");
  }
  return { route: null, recognised: false };
}

const yes = new Set(["y", "yes", "true", "t", "1", "x", "✓", "✔"]);
const no = new Set(["n", "no", "false", "f", "0"]);

/** Yes / No, Y / N, True / False, 1 / 0, and a tick or "x" for yes. */
export function readYesNo(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (yes.has(value)) return true;
  if (no.has(value)) return false;
  return undefined;
}

/** Yes/no, or the supplier's size: "SME", "small", "medium", "micro" are SMEs; "large" is not (OCDS scale). */
export function readSme(text: string): boolean | undefined {
  const flag = readYesNo(text);
  if (flag !== undefined) return flag;
  const value = words(text);
  if (/ (not|non) sme /.test(value)) return false;
  if (/ (sme|small|medium|micro) /.test(value)) return true;
  if (/ large /.test(value)) return false;
  return undefined;
}

/** Yes/no, or a VCSE type: charity, social enterprise, voluntary or community group, CIC. */
export function readVcse(text: string): boolean | undefined {
  const flag = readYesNo(text);
  if (flag !== undefined) return flag;
  const value = words(text);
  if (/ (not|non) (a )?vcse /.test(value)) return false;
  if (/ (vcse|vcs|charity|charitable|social enterprise|voluntary|community|cic) /.test(value)) return true;
  if (/ (private|commercial|company|public) /.test(value)) return false;
  return undefined;
}

const smeWords = new Set(["sme", "small", "medium", "micro"]);
const vcseWords = new Set(["vcse", "vcs", "charity", "charitable", "voluntary", "community", "cic"]);
const smeVcseWords = new Set([
  ...smeWords,
  ...vcseWords,
  "social",
  "enterprise",
  "sized",
  "size",
  "business",
  "organisation",
  "and",
  "or",
  "both",
]);

export interface SmeVcseReading {
  isSme: boolean;
  isVcse: boolean;
  /** "Yes" says the supplier is one of the two without saying which: read as an SME, worth a warning. */
  ambiguous: boolean;
}

/**
 * One column for both flags, as LGTC 2015 field 10 asks ("whether the supplier is an SME and/or VCSE"): "SME",
 * "VCSE", "SME/VCSE" or "Both" set one or both; "No", "Neither", "Large" set neither; "Yes" is read as an SME
 * (flagged ambiguous). Undefined when the text is none of these.
 */
export function readSmeVcse(text: string): SmeVcseReading | undefined {
  const value = words(text);
  const flag = readYesNo(text);
  if (flag === true) return { isSme: true, isVcse: false, ambiguous: true };
  if (flag === false || / (neither|none|large|not sme or vcse|non sme) /.test(value)) {
    return { isSme: false, isVcse: false, ambiguous: false };
  }
  if (value === " both ") return { isSme: true, isVcse: true, ambiguous: false };
  const tokens = value.trim().split(" ");
  const isSme = tokens.some((token) => smeWords.has(token));
  const isVcse = tokens.some((token) => vcseWords.has(token)) || / social enterprise /.test(value);
  if ((!isSme && !isVcse) || tokens.some((token) => !smeVcseWords.has(token))) return undefined;
  return { isSme, isVcse, ambiguous: false };
}

export function readServiceRisk(text: string): ServiceRisk | undefined {
  const value = words(text).trim();
  if (["low", "l"].includes(value)) return "low";
  if (["medium", "med", "m", "moderate"].includes(value)) return "medium";
  if (["high", "h"].includes(value)) return "high";
  return undefined;
}

export function readStatus(text: string): ContractStatus | undefined {
  const value = words(text).trim();
  if (["active", "live", "current", "ongoing", "in progress", "in contract"].includes(value)) return "active";
  if (["awarded", "award", "signed", "not started", "not yet started"].includes(value)) return "awarded";
  if (["expired", "ended", "closed", "complete", "completed", "finished", "inactive"].includes(value))
    return "expired";
  if (["terminated", "cancelled", "canceled", "terminated early", "ended early"].includes(value))
    return "terminated";
  return undefined;
}

export function readLifecycleStage(text: string): LifecycleStage | undefined {
  const value = words(text).trim();
  if (value === "handover") return "handover";
  if (["mobilisation", "mobilization", "mobilising", "implementation"].includes(value)) return "mobilisation";
  if (["delivery", "in delivery", "live", "operational"].includes(value)) return "delivery";
  if (["change", "variation", "in change"].includes(value)) return "change";
  if (["closing", "exit", "close out", "closeout"].includes(value)) return "closing";
  if (value === "closed") return "closed";
  if (["re procurement", "reprocurement", "re procure", "re tender", "retender"].includes(value)) {
    return "re_procurement";
  }
  return undefined;
}

const currencySymbols: Record<string, string> = {
  "£": "GBP",
  pounds: "GBP",
  sterling: "GBP",
  r: "ZAR",
  rand: "ZAR",
  $: "USD",
  "€": "EUR",
  euro: "EUR",
  euros: "EUR",
};

/** A three-letter code in any case ("gbp"), or a symbol or name (£, R, rand, €). */
export function readCurrency(text: string): string | undefined {
  const value = text.trim();
  if (/^[A-Za-z]{3}$/.test(value)) return value.toUpperCase();
  return currencySymbols[value.toLowerCase()];
}

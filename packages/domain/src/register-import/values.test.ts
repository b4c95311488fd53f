import { describe, expect, test } from "vitest";
import { routeLabels } from "../contracts/labels.ts";
import {
  categoryFromCpv,
  readCategory,
  readCpvCode,
  readCurrency,
  readLifecycleStage,
  readProcurementRoute,
  readServiceRisk,
  readSme,
  readSmeVcse,
  readStatus,
  readVcse,
  readYesNo,
} from "./values.ts";

describe("readCategory", () => {
  test.each([
    ["Services", "services"],
    ["services", "services"],
    ["Social care services", "services"],
    ["Works", "works"],
    ["Construction", "works"],
    ["Goods", "goods"],
    ["Supplies", "goods"],
  ] as const)("%s → %s", (text, category) => {
    expect(readCategory(text)).toBe(category);
  });

  test.each(["Goods and services", "Construction services", "Framework", ""])("%j is unclear", (text) => {
    expect(readCategory(text)).toBeUndefined();
  });
});

describe("categoryFromCpv (CPV divisions)", () => {
  test.each([
    ["45210000", "works"],
    ["45000000-7", "works"],
    ["03000000", "goods"],
    ["39000000", "goods"],
    ["44000000", "goods"],
    ["48000000", "goods"],
    ["50000000", "services"],
    ["63712400", "services"],
    ["85000000", "services"],
    ["98000000", "services"],
  ] as const)("%s → %s", (code, category) => {
    expect(categoryFromCpv(code)).toBe(category);
  });

  test("unknown divisions give nothing", () => {
    expect(categoryFromCpv("01000000")).toBeUndefined();
    expect(categoryFromCpv("99000000")).toBeUndefined();
    expect(categoryFromCpv("x")).toBeUndefined();
  });
});

describe("readCpvCode", () => {
  test("plain, with check digit, with a label", () => {
    expect(readCpvCode("63712400")).toEqual({
      code: "63712400",
      restoredLeadingZero: false,
      firstOfSeveral: false,
    });
    expect(readCpvCode("45210000-2")).toMatchObject({ code: "45210000-2" });
    expect(readCpvCode("45210000 - Building construction work")).toMatchObject({ code: "45210000" });
  });

  test("a leading zero a spreadsheet dropped is restored", () => {
    expect(readCpvCode("3000000")).toEqual({
      code: "03000000",
      restoredLeadingZero: true,
      firstOfSeveral: false,
    });
  });

  test("the first of several codes", () => {
    expect(readCpvCode("CPV: 09100000; 45210000")).toEqual({
      code: "09100000",
      restoredLeadingZero: false,
      firstOfSeveral: true,
    });
  });

  test("not a code", () => {
    expect(readCpvCode("Parking services")).toBeUndefined();
    expect(readCpvCode("123456")).toBeUndefined();
    expect(readCpvCode("123456789")).toBeUndefined();
  });
});

describe("readProcurementRoute", () => {
  test.each([
    // Contracts Finder procurementMethodDetails, as in the real extract
    ["Open procedure", "open"],
    ["Direct award", "direct_award"],
    ["Call-off from a framework agreement", "framework"],
    ["Call-off from a dynamic purchasing system", "dynamic_market"],
    ["Single tender action (below threshold)", "below_threshold"],
    ["Competitive quotation (below threshold)", "below_threshold"],
    ["Restricted procedure", "restricted"],
    ["Other - ", "other"],
    ["Other - Direct Award", "direct_award"],
    ["Other - Request for Quotation", "below_threshold"],
    ["Other - Restricted procedure, below threshold", "below_threshold"],
    ["Not specified", null],
    ["Not applicable", null],
    ["", null],
    // OCDS procurementMethod codes
    ["open", "open"],
    ["selective", "restricted"],
    ["limited", "direct_award"],
    ["direct", "direct_award"],
    // Council wording
    ["Invitation to quote", "below_threshold"],
    ["Framework (ESPO 509_23)", "framework"],
    ["Mini-competition", "framework"],
    ["DPS", "dynamic_market"],
    ["Competitive flexible procedure", "competitive_flexible"],
    ["Waiver", "direct_award"],
    ["Open tender", "open"],
    ["Restricted", "restricted"],
    ["Restricted tender", "restricted"],
    ["Waiver of contract procedure rules", "direct_award"],
    ["Exemption", "direct_award"],
    ["Call-off from framework", "framework"],
    ["Direct call-off (framework)", "framework"],
    ["Competitive procedure with negotiation", "competitive_negotiation"],
    ["Negotiated procedure with prior publication", "competitive_negotiation"],
    ["Competitive dialogue", "competitive_negotiation"],
    ["Innovation partnership", "other"],
    ["Request for quotation", "below_threshold"],
    ["Three quotes", "below_threshold"],
  ] as const)("%j → %s", (text, route) => {
    expect(readProcurementRoute(text)).toEqual({ route, recognised: true });
  });

  test("unknown wording is never other: no route, flagged unrecognised", () => {
    expect(readProcurementRoute("Handshake")).toEqual({ route: null, recognised: false });
    expect(readProcurementRoute("Best value review")).toEqual({ route: null, recognised: false });
  });

  test("every label the register shows (and the export writes) reads back as its route", () => {
    for (const [route, label] of Object.entries(routeLabels)) {
      expect(readProcurementRoute(label), label).toEqual({ route, recognised: true });
    }
  });
});

describe("yes/no and supplier flags", () => {
  test.each([
    ["Yes", true],
    ["Y", true],
    ["TRUE", true],
    ["1", true],
    ["x", true],
    ["No", false],
    ["n", false],
    ["False", false],
    ["0", false],
  ] as const)("readYesNo %j → %s", (text, flag) => {
    expect(readYesNo(text)).toBe(flag);
  });

  test("readYesNo does not guess", () => {
    expect(readYesNo("maybe")).toBeUndefined();
  });

  test.each([
    ["sme", true],
    ["SME", true],
    ["Small", true],
    ["micro", true],
    ["large", false],
    ["Non-SME", false],
    ["True", true],
    ["False", false],
  ] as const)("readSme %j → %s", (text, flag) => {
    expect(readSme(text)).toBe(flag);
  });

  test.each([
    ["True", true],
    ["False", false],
    ["Charity", true],
    ["Social enterprise", true],
    ["Not VCSE", false],
    ["Private company", false],
  ] as const)("readVcse %j → %s", (text, flag) => {
    expect(readVcse(text)).toBe(flag);
  });
});

test("coded values", () => {
  expect(["Low", "M", "HIGH", "severe"].map(readServiceRisk)).toEqual(["low", "medium", "high", undefined]);
  expect(["Live", "Awarded", "Expired", "Cancelled", "Pipeline"].map(readStatus)).toEqual([
    "active",
    "awarded",
    "expired",
    "terminated",
    undefined,
  ]);
  expect(
    ["Mobilization", "Delivery", "Exit", "Re-procurement", "Closed", "later"].map(readLifecycleStage),
  ).toEqual(["mobilisation", "delivery", "closing", "re_procurement", "closed", undefined]);
  expect(["GBP", "zar", "£", "R", "€", "pounds", "money"].map(readCurrency)).toEqual([
    "GBP",
    "ZAR",
    "GBP",
    "ZAR",
    "EUR",
    "GBP",
    undefined,
  ]);
});

describe("readSmeVcse: one column for both flags (LGTC 2015 field 10)", () => {
  test.each([
    ["SME", { isSme: true, isVcse: false, ambiguous: false }],
    ["VCSE", { isSme: false, isVcse: true, ambiguous: false }],
    ["SME/VCSE", { isSme: true, isVcse: true, ambiguous: false }],
    ["SME & VCSE", { isSme: true, isVcse: true, ambiguous: false }],
    ["VCSE, SME", { isSme: true, isVcse: true, ambiguous: false }],
    ["Both", { isSme: true, isVcse: true, ambiguous: false }],
    ["Small business", { isSme: true, isVcse: false, ambiguous: false }],
    ["Charity", { isSme: false, isVcse: true, ambiguous: false }],
    ["Social enterprise", { isSme: false, isVcse: true, ambiguous: false }],
    ["Yes", { isSme: true, isVcse: false, ambiguous: true }],
    ["Y", { isSme: true, isVcse: false, ambiguous: true }],
    ["No", { isSme: false, isVcse: false, ambiguous: false }],
    ["Neither", { isSme: false, isVcse: false, ambiguous: false }],
    ["Large", { isSme: false, isVcse: false, ambiguous: false }],
  ])("%j", (text, reading) => {
    expect(readSmeVcse(text)).toEqual(reading);
  });

  test.each(["Maybe", "Public sector", "SME pending", "Partnership"])("%j is not recognised", (text) => {
    expect(readSmeVcse(text)).toBeUndefined();
  });
});

import { describe, expect, test } from "vitest";
import {
  daysToPay,
  type InvoiceDates,
  invoiceDisputeInput,
  invoiceInput,
  invoiceStanding,
  paymentDeadline,
  paymentFigures,
  previousReportingPeriod,
  reportingPeriodOf,
  spendAgainstValue,
} from "./payments.ts";

describe("daysToPay", () => {
  test.each([
    { receivedOn: "2025-01-01", paidOn: "2025-01-01", days: 0 },
    { receivedOn: "2025-01-01", paidOn: "2025-01-31", days: 30 },
    { receivedOn: "2025-01-01", paidOn: "2025-02-01", days: 31 },
    { receivedOn: "2024-02-28", paidOn: "2024-03-01", days: 2 },
    { receivedOn: "2025-03-29", paidOn: "2025-03-31", days: 2 },
  ])("$receivedOn → $paidOn is $days days", ({ receivedOn, paidOn, days }) => {
    expect(daysToPay(receivedOn, paidOn)).toBe(days);
  });
});

describe("spendAgainstValue", () => {
  test.each([
    { spent: 0, total: 10_000_000, percent: 0, overValue: false, warning: null },
    { spent: 8_999_999, total: 10_000_000, percent: 90, overValue: false, warning: /reached 90%/ },
    { spent: 8_900_000, total: 10_000_000, percent: 89, overValue: false, warning: null },
    { spent: 9_000_000, total: 10_000_000, percent: 90, overValue: false, warning: /reached 90%/ },
    { spent: 10_000_000, total: 10_000_000, percent: 100, overValue: false, warning: /reached 100%/ },
    {
      spent: 11_200_000,
      total: 10_000_000,
      percent: 112,
      overValue: true,
      warning: /come to 112%.*Record a change/,
    },
    { spent: 100, total: null, percent: null, overValue: false, warning: /No total value/ },
    { spent: 100, total: 0, percent: null, overValue: true, warning: /No total value/ },
  ])("$spent of $total → $percent%", ({ spent, total, percent, overValue, warning }) => {
    const result = spendAgainstValue(spent, total);
    expect(result).toMatchObject({ spentMinor: spent, percent, overValue });
    if (warning === null) expect(result.warning).toBeNull();
    else expect(result.warning).toMatch(warning);
  });
});

describe("invoiceInput", () => {
  const valid = { invoiceNumber: "INV-001", amountMinor: 12_345, receivedOn: "2025-01-01" };
  test.each([
    { name: "a received, unpaid invoice", input: valid, error: null },
    { name: "paid the day it arrived", input: { ...valid, paidOn: "2025-01-01" }, error: null },
    {
      name: "paid before it arrived",
      input: { ...valid, paidOn: "2024-12-31" },
      error: ["paidOn", "The paid date cannot be before the date the invoice was received."],
    },
    {
      name: "no invoice number",
      input: { ...valid, invoiceNumber: " " },
      error: ["invoiceNumber", "Enter the supplier's invoice number."],
    },
    {
      name: "a zero amount",
      input: { ...valid, amountMinor: 0 },
      error: ["amountMinor", "Enter an amount above zero, up to a trillion."],
    },
    {
      name: "fractional pence",
      input: { ...valid, amountMinor: 10.5 },
      error: ["amountMinor", "Enter the amount as a whole number of pence/cents."],
    },
    {
      name: "a date that does not exist",
      input: { ...valid, receivedOn: "2025-02-30" },
      error: ["receivedOn", "Enter a real date."],
    },
    {
      name: "a date in the wrong format",
      input: { ...valid, dueOn: "01/02/2025" },
      error: ["dueOn", "Enter a date as YYYY-MM-DD."],
    },
  ])("$name", ({ input, error }) => {
    const result = invoiceInput.safeParse(input);
    if (error === null) {
      expect(result.success).toBe(true);
    } else {
      expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual(
        error,
      );
    }
  });

  test("dates left out default to null", () => {
    expect(invoiceInput.parse(valid)).toEqual({ ...valid, dueOn: null, paidOn: null });
  });
});

describe("paymentDeadline: the last day on time", () => {
  test.each([
    // PA23 s.68(2): 30 days beginning with the day of receipt; received 1 Jan → on time to 30 Jan.
    { jurisdiction: "GB-ENG", receivedOn: "2025-01-01", dueOn: null, deadline: "2025-01-30" },
    { jurisdiction: "GB-ENG", receivedOn: "2024-02-15", dueOn: null, deadline: "2024-03-15" },
    { jurisdiction: "GB-ENG", receivedOn: "2025-12-15", dueOn: null, deadline: "2026-01-13" },
    // A due date before or on the day of receipt changes nothing; a later one starts the 30 days.
    { jurisdiction: "GB-ENG", receivedOn: "2025-01-01", dueOn: "2024-12-15", deadline: "2025-01-30" },
    { jurisdiction: "GB-ENG", receivedOn: "2025-01-01", dueOn: "2025-01-01", deadline: "2025-01-30" },
    { jurisdiction: "GB-ENG", receivedOn: "2025-01-01", dueOn: "2025-01-02", deadline: "2025-01-31" },
    { jurisdiction: "GB-ENG", receivedOn: "2025-01-01", dueOn: "2025-01-20", deadline: "2025-02-18" },
    // MFMA s.65(2)(e): within 30 days of receipt, first day excluded; no due-date extension.
    { jurisdiction: "ZA", receivedOn: "2025-01-01", dueOn: null, deadline: "2025-01-31" },
    { jurisdiction: "ZA", receivedOn: "2025-01-01", dueOn: "2025-01-20", deadline: "2025-01-31" },
    { jurisdiction: "ZA", receivedOn: "2024-02-15", dueOn: null, deadline: "2024-03-16" },
  ] as const)("$jurisdiction: received $receivedOn, due $dueOn → on time to $deadline", (row) => {
    expect(paymentDeadline(row, row.jurisdiction)).toBe(row.deadline);
  });
});

describe("invoiceStanding at, below and above the deadline", () => {
  test.each<{ jurisdiction: "GB-ENG" | "ZA"; invoice: InvoiceDates; today?: string; standing: string }>([
    // England, PA23 s.68(2): 1 Jan → 30 Jan on time, 31 Jan late.
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", paidOn: "2025-01-29" },
      standing: "paid_on_time",
    },
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", paidOn: "2025-01-30" },
      standing: "paid_on_time",
    },
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", paidOn: "2025-01-31" },
      standing: "paid_late",
    },
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", paidOn: "2025-01-01" },
      standing: "paid_on_time",
    },
    // A later due date: 30 days beginning with it.
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", dueOn: "2025-01-20", paidOn: "2025-02-18" },
      standing: "paid_on_time",
    },
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", dueOn: "2025-01-20", paidOn: "2025-02-19" },
      standing: "paid_late",
    },
    // Unpaid: late from the day after the deadline.
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", paidOn: null },
      today: "2025-01-30",
      standing: "unpaid",
    },
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", paidOn: null },
      today: "2025-01-31",
      standing: "unpaid_late",
    },
    // PA23 s.68(3): disputed is neither on time nor late, paid or not.
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", paidOn: null, disputedOn: "2025-01-10" },
      today: "2025-06-01",
      standing: "disputed",
    },
    {
      jurisdiction: "GB-ENG",
      invoice: { receivedOn: "2025-01-01", paidOn: "2025-03-01", disputedOn: "2025-01-10" },
      standing: "disputed",
    },
    // South Africa, MFMA s.65(2)(e): 1 Jan → 31 Jan on time, 1 Feb late; a due date does not extend it.
    {
      jurisdiction: "ZA",
      invoice: { receivedOn: "2025-01-01", paidOn: "2025-01-30" },
      standing: "paid_on_time",
    },
    {
      jurisdiction: "ZA",
      invoice: { receivedOn: "2025-01-01", paidOn: "2025-01-31" },
      standing: "paid_on_time",
    },
    {
      jurisdiction: "ZA",
      invoice: { receivedOn: "2025-01-01", paidOn: "2025-02-01" },
      standing: "paid_late",
    },
    {
      jurisdiction: "ZA",
      invoice: { receivedOn: "2025-01-01", dueOn: "2025-01-20", paidOn: "2025-02-01" },
      standing: "paid_late",
    },
    {
      jurisdiction: "ZA",
      invoice: { receivedOn: "2025-01-01", paidOn: null },
      today: "2025-01-31",
      standing: "unpaid",
    },
    {
      jurisdiction: "ZA",
      invoice: { receivedOn: "2025-01-01", paidOn: null },
      today: "2025-02-01",
      standing: "unpaid_late",
    },
    {
      jurisdiction: "ZA",
      invoice: { receivedOn: "2025-01-01", paidOn: null, disputedOn: "2025-01-05" },
      today: "2025-06-01",
      standing: "disputed",
    },
  ])("$jurisdiction $invoice.receivedOn → $invoice.paidOn (today $today): $standing", (row) => {
    expect(invoiceStanding(row.invoice, row.jurisdiction, row.today ?? "2025-12-31")).toBe(row.standing);
  });
});

describe("reportingPeriodOf", () => {
  test.each([
    // PA23 s.69: six-month periods to 31 March and 30 September.
    { jurisdiction: "GB-ENG", date: "2025-03-31", start: "2024-10-01", end: "2025-03-31" },
    { jurisdiction: "GB-ENG", date: "2025-04-01", start: "2025-04-01", end: "2025-09-30" },
    { jurisdiction: "GB-ENG", date: "2025-09-30", start: "2025-04-01", end: "2025-09-30" },
    { jurisdiction: "GB-ENG", date: "2025-10-01", start: "2025-10-01", end: "2026-03-31" },
    { jurisdiction: "GB-ENG", date: "2026-01-15", start: "2025-10-01", end: "2026-03-31" },
    // ZA: the municipal financial year, 1 July to 30 June.
    { jurisdiction: "ZA", date: "2025-06-30", start: "2024-07-01", end: "2025-06-30" },
    { jurisdiction: "ZA", date: "2025-07-01", start: "2025-07-01", end: "2026-06-30" },
  ] as const)("$jurisdiction $date is in $start – $end", ({ jurisdiction, date, start, end }) => {
    expect(reportingPeriodOf(date, jurisdiction)).toEqual({ start, end });
  });

  test.each([
    { jurisdiction: "GB-ENG", start: "2025-04-01", previous: { start: "2024-10-01", end: "2025-03-31" } },
    { jurisdiction: "GB-ENG", start: "2025-10-01", previous: { start: "2025-04-01", end: "2025-09-30" } },
    { jurisdiction: "ZA", start: "2025-07-01", previous: { start: "2024-07-01", end: "2025-06-30" } },
  ] as const)("the period before $jurisdiction $start", ({ jurisdiction, start, previous }) => {
    expect(previousReportingPeriod(reportingPeriodOf(start, jurisdiction), jurisdiction)).toEqual(previous);
  });
});

describe("paymentFigures (PA23 s.68(2), PR24 reg 38(2)(c)–(d), MFMA s.65(2)(e))", () => {
  const period = { start: "2025-04-01", end: "2025-09-30" };

  test("nothing paid: no averages or percentages, not zeros", () => {
    expect(
      paymentFigures([{ receivedOn: "2025-06-01", paidOn: null }], {
        jurisdiction: "GB-ENG",
        today: "2025-06-10",
      }),
    ).toMatchObject({
      paidCount: 0,
      averageDaysToPay: null,
      bands: { upToDay30: null, day31to60: null, day61OrLater: null },
      paidOnTimeCount: 0,
      paidLateCount: 0,
      percentPaidOnTime: null,
      unpaidLateCount: 0,
      disputedCount: 0,
      notPaidInPeriod: null,
    });
  });

  test("reg 38 bands at each edge, counted from the day after the invoice day", () => {
    const invoices = [0, 29, 30, 31, 60, 61].map((days) => ({
      receivedOn: "2025-04-01",
      paidOn: new Date(Date.UTC(2025, 3, 1 + days)).toISOString().slice(0, 10),
    }));
    const figures = paymentFigures(invoices, { jurisdiction: "GB-ENG", today: "2025-09-30", period });
    expect(figures.paidCount).toBe(6);
    // Days 0, 29, 30 are in the first band; 31 and 60 in the second; 61 in the third.
    expect(figures.bands).toEqual({ upToDay30: 50, day31to60: 33.3, day61OrLater: 16.7 });
    expect(figures.averageDaysToPay).toBe(35.2);
    // The s.68(2) term is one day shorter than the band: day 30 after receipt is late.
    expect(figures).toMatchObject({ paidOnTimeCount: 2, paidLateCount: 4, percentPaidOnTime: 33.3 });
  });

  test("the same invoices under MFMA s.65(2)(e): day 30 is on time", () => {
    const invoices = [29, 30, 31].map((days) => ({
      receivedOn: "2025-04-01",
      paidOn: new Date(Date.UTC(2025, 3, 1 + days)).toISOString().slice(0, 10),
    }));
    expect(paymentFigures(invoices, { jurisdiction: "ZA", today: "2025-09-30" })).toMatchObject({
      paidOnTimeCount: 2,
      paidLateCount: 1,
      percentPaidOnTime: 66.7,
    });
  });

  test("disputed invoices are left out of lateness but still counted as paid sums", () => {
    const invoices: InvoiceDates[] = [
      { receivedOn: "2025-04-01", paidOn: "2025-06-01", disputedOn: "2025-04-05" },
      { receivedOn: "2025-04-01", paidOn: null, disputedOn: "2025-04-05" },
      { receivedOn: "2025-04-01", paidOn: null },
    ];
    expect(paymentFigures(invoices, { jurisdiction: "GB-ENG", today: "2025-07-01", period })).toMatchObject({
      paidCount: 1,
      bands: { upToDay30: 0, day31to60: 0, day61OrLater: 100 },
      paidOnTimeCount: 0,
      paidLateCount: 0,
      percentPaidOnTime: null,
      unpaidLateCount: 1,
      disputedCount: 2,
      notPaidInPeriod: { payableCount: 1, notPaidCount: 1, percent: 100 },
    });
  });

  test("only payments made in the period count; reg 38(2)(d) counts sums payable in it and not paid in it", () => {
    const invoices: InvoiceDates[] = [
      { receivedOn: "2025-03-20", paidOn: "2025-04-02" }, // paid in the period, payable before it
      { receivedOn: "2025-03-20", paidOn: "2025-03-31" }, // paid before the period
      { receivedOn: "2025-09-20", paidOn: "2025-09-30" }, // payable and paid in it, on its last day
      { receivedOn: "2025-09-20", paidOn: "2025-10-01" }, // payable in it, paid the day after it ended
      { receivedOn: "2025-09-25", paidOn: null }, // payable in it, not paid
      { receivedOn: "2025-09-01", dueOn: "2025-10-05", paidOn: null }, // payable only after it (due date)
    ];
    const figures = paymentFigures(invoices, { jurisdiction: "GB-ENG", today: "2025-10-10", period });
    expect(figures.paidCount).toBe(2);
    expect(figures.notPaidInPeriod).toEqual({ payableCount: 3, notPaidCount: 2, percent: 66.7 });
  });

  test("unpaid past the deadline is as of today", () => {
    const invoices = [
      { receivedOn: "2025-05-01", paidOn: null }, // deadline 30 May
      { receivedOn: "2025-05-02", paidOn: null }, // deadline 31 May
    ];
    expect(paymentFigures(invoices, { jurisdiction: "GB-ENG", today: "2025-05-31" }).unpaidLateCount).toBe(1);
    expect(paymentFigures(invoices, { jurisdiction: "ZA", today: "2025-05-31" }).unpaidLateCount).toBe(0);
    expect(paymentFigures(invoices, { jurisdiction: "ZA", today: "2025-06-01" }).unpaidLateCount).toBe(1);
  });
});

describe("invoiceDisputeInput", () => {
  const id = "0196f7a0-0000-7000-8000-000000000001";
  test.each([
    {
      name: "a dispute with a reason",
      dispute: { disputedOn: "2025-01-05", reason: "Wrong rate" },
      error: null,
    },
    { name: "clearing a dispute", dispute: null, error: null },
    {
      name: "a dispute without a reason",
      dispute: { disputedOn: "2025-01-05", reason: "  " },
      error: ["dispute.reason", "Say what is disputed, so the supplier can be told."],
    },
    {
      name: "a dispute without a real date",
      dispute: { disputedOn: "2025-02-30", reason: "Wrong rate" },
      error: ["dispute.disputedOn", "Enter a real date."],
    },
  ])("$name", ({ dispute, error }) => {
    const result = invoiceDisputeInput.safeParse({ invoiceId: id, version: 1, dispute });
    if (error === null) expect(result.success).toBe(true);
    else
      expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual(
        error,
      );
  });
});

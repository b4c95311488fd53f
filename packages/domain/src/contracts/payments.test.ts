import { describe, expect, test } from "vitest";
import {
  daysToPay,
  invoiceInput,
  paymentCompliance,
  paymentDeadline,
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

describe("paymentCompliance (Procurement Act 2023 s.68–69)", () => {
  const today = "2025-06-30";
  test.each([
    {
      name: "nothing paid",
      invoices: [{ receivedOn: "2025-06-01", paidOn: null }],
      expected: {
        paidCount: 0,
        paidWithin30Count: 0,
        percentWithin30: null,
        averageDaysToPay: null,
        overdueUnpaidCount: 0,
        bands: { within30: 0, days31to60: 0, over60: 0 },
      },
    },
    {
      name: "each band at and around its edges",
      invoices: [
        { receivedOn: "2025-01-01", paidOn: "2025-01-31" }, // 30
        { receivedOn: "2025-01-01", paidOn: "2025-02-01" }, // 31
        { receivedOn: "2025-01-01", paidOn: "2025-03-02" }, // 60
        { receivedOn: "2025-01-01", paidOn: "2025-03-03" }, // 61
      ],
      expected: {
        paidCount: 4,
        paidWithin30Count: 1,
        percentWithin30: 25,
        averageDaysToPay: 45.5,
        overdueUnpaidCount: 0,
        bands: { within30: 1, days31to60: 2, over60: 1 },
      },
    },
    {
      name: "unpaid invoices are overdue only after 30 days",
      invoices: [
        { receivedOn: "2025-05-31", paidOn: null }, // 30 days ago
        { receivedOn: "2025-05-30", paidOn: null }, // 31 days ago
        { receivedOn: "2025-06-01", paidOn: "2025-06-11" },
        { receivedOn: "2025-06-01", paidOn: "2025-06-12" },
        { receivedOn: "2025-06-01", paidOn: "2025-06-12" },
      ],
      expected: {
        paidCount: 3,
        paidWithin30Count: 3,
        percentWithin30: 100,
        averageDaysToPay: 10.7,
        overdueUnpaidCount: 1,
        bands: { within30: 3, days31to60: 0, over60: 0 },
      },
    },
    {
      name: "percentages to one decimal place",
      invoices: [
        { receivedOn: "2025-01-01", paidOn: "2025-01-02" },
        { receivedOn: "2025-01-01", paidOn: "2025-01-02" },
        { receivedOn: "2025-01-01", paidOn: "2025-03-01" },
      ],
      expected: {
        paidCount: 3,
        paidWithin30Count: 2,
        percentWithin30: 66.7,
        averageDaysToPay: 20.3,
        overdueUnpaidCount: 0,
        bands: { within30: 2, days31to60: 1, over60: 0 },
      },
    },
  ])("$name", ({ invoices, expected }) => {
    expect(paymentCompliance(invoices, today)).toEqual(expected);
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

describe("paymentDeadline (004 §7: 30 days from receipt or, if later, from the invoice's due date)", () => {
  test.each([
    { receivedOn: "2025-01-01", dueOn: null, deadline: "2025-01-31" },
    { receivedOn: "2025-01-01", dueOn: "2024-12-15", deadline: "2025-01-31" },
    { receivedOn: "2025-01-01", dueOn: "2025-01-20", deadline: "2025-02-19" },
  ])("received $receivedOn, due $dueOn → pay by $deadline", ({ receivedOn, dueOn, deadline }) => {
    expect(paymentDeadline({ receivedOn, dueOn })).toBe(deadline);
  });

  test("an invoice due later counts as on time when paid within 30 days of its due date", () => {
    const result = paymentCompliance(
      [
        { receivedOn: "2025-01-01", dueOn: "2025-01-20", paidOn: "2025-02-19" },
        { receivedOn: "2025-01-01", dueOn: "2025-01-20", paidOn: "2025-02-20" },
        { receivedOn: "2025-01-01", dueOn: "2025-02-10", paidOn: null },
      ],
      "2025-03-01",
    );
    expect(result).toMatchObject({
      paidCount: 2,
      paidWithin30Count: 1,
      percentWithin30: 50,
      overdueUnpaidCount: 0,
    });
    // Days to pay still count from receipt, as the notice's bands do.
    expect(result.bands).toEqual({ within30: 0, days31to60: 2, over60: 0 });
  });
});

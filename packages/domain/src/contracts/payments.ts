import { z } from "zod";
import { isoDate, moneyInput, textInput } from "../input.ts";
import { addDays, daysBetween } from "./iso-dates.ts";

export const invoiceInput = z
  .object({
    invoiceNumber: textInput({ max: 100, min: 1, required: "Enter the supplier's invoice number." }),
    amountMinor: moneyInput({
      positive: true,
      wholeMessage: "Enter the amount as a whole number of pence/cents.",
    }),
    receivedOn: isoDate,
    /** The payment due date printed on the invoice, when it has one. */
    dueOn: isoDate.nullable().default(null),
    paidOn: isoDate.nullable().default(null),
  })
  .superRefine((invoice, ctx) => {
    if (invoice.paidOn !== null && invoice.paidOn < invoice.receivedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["paidOn"],
        message: "The paid date cannot be before the date the invoice was received.",
      });
    }
  });
export type InvoiceInput = z.infer<typeof invoiceInput>;

// Procurement Act 2023 s.68: public contracts carry a term that invoices are paid within 30 days of receipt.
const paymentDays = 30;

export function daysToPay(receivedOn: string, paidOn: string): number {
  return daysBetween(receivedOn, paidOn);
}

export type InvoiceDates = { receivedOn: string; dueOn?: string | null; paidOn: string | null };

/**
 * 004 §7 (Procurement Act 2023 s.68–69): an invoice is paid on time within 30 days of receipt or, if later,
 * within 30 days of the payment due date the invoice gives.
 */
export function paymentDeadline(invoice: Pick<InvoiceDates, "receivedOn" | "dueOn">): string {
  const from = invoice.dueOn && invoice.dueOn > invoice.receivedOn ? invoice.dueOn : invoice.receivedOn;
  return addDays(from, paymentDays);
}
export type PaymentCompliance = {
  paidCount: number;
  /** Paid by the deadline: 30 days from receipt, or from the invoice's due date if later. */
  paidWithin30Count: number;
  /** One decimal place; null when nothing has been paid. */
  percentWithin30: number | null;
  /** One decimal place; null when nothing has been paid. */
  averageDaysToPay: number | null;
  /** Unpaid invoices past their deadline. */
  overdueUnpaidCount: number;
  /** Paid invoices by days to pay: 0–30, 31–60, over 60. */
  bands: { within30: number; days31to60: number; over60: number };
};

/**
 * Procurement Act 2023 s.69: the payments compliance notice reports how many invoices were paid within 30 days
 * and the average days to pay. Day 30 is on time: received 1 January, paid 31 January.
 */
export function paymentCompliance(invoices: readonly InvoiceDates[], today: string): PaymentCompliance {
  const days = invoices.flatMap((invoice) =>
    invoice.paidOn === null ? [] : [daysToPay(invoice.receivedOn, invoice.paidOn)],
  );
  const within30 = days.filter((d) => d <= paymentDays).length;
  const paidOnTime = invoices.filter(
    (invoice) => invoice.paidOn !== null && invoice.paidOn <= paymentDeadline(invoice),
  );
  const days31to60 = days.filter((d) => d > paymentDays && d <= 60).length;
  const paidCount = days.length;
  return {
    paidCount,
    paidWithin30Count: paidOnTime.length,
    percentWithin30: paidCount === 0 ? null : roundTo1((paidOnTime.length * 100) / paidCount),
    averageDaysToPay: paidCount === 0 ? null : roundTo1(days.reduce((sum, d) => sum + d, 0) / paidCount),
    overdueUnpaidCount: invoices.filter(
      (invoice) => invoice.paidOn === null && today > paymentDeadline(invoice),
    ).length,
    bands: { within30, days31to60, over60: paidCount - within30 - days31to60 },
  };
}

export type SpendAgainstValue = {
  spentMinor: number;
  /** Spend as a percentage of the total value, one decimal place; null when there is no value to compare with. */
  percent: number | null;
  overValue: boolean;
  warning: string | null;
};

/** A warning before the money runs out, so a change or re-procurement can be planned; 004 sets no figure. */
const nearlySpentPercent = 90;

export function spendAgainstValue(
  invoicesTotalMinor: number,
  contractTotalValueMinor: number | null,
): SpendAgainstValue {
  const spentMinor = invoicesTotalMinor;
  if (contractTotalValueMinor === null || contractTotalValueMinor <= 0) {
    return {
      spentMinor,
      percent: null,
      overValue: contractTotalValueMinor !== null && spentMinor > contractTotalValueMinor,
      warning:
        "No total value is recorded, so spend cannot be checked against it. Record the contract's total value.",
    };
  }
  const percent = roundTo1((spentMinor * 100) / contractTotalValueMinor);
  if (spentMinor > contractTotalValueMinor) {
    return {
      spentMinor,
      percent,
      overValue: true,
      warning: `Invoices come to ${percent}% of the contract's total value. Record a change to the value before paying more.`,
    };
  }
  return {
    spentMinor,
    percent,
    overValue: false,
    warning:
      percent >= nearlySpentPercent
        ? `Invoices have reached ${percent}% of the contract's total value. Plan a change or re-procurement before it runs out.`
        : null,
  };
}

function roundTo1(value: number): number {
  return Math.round(value * 10) / 10;
}

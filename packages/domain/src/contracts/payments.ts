import { z } from "zod";
import { idInput, isoDate, moneyInput, textInput, textLimits, versionInput } from "../input.ts";
import type { Jurisdiction } from "../tenant-settings.ts";
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

/**
 * Marks an invoice as disputed (PA23 s.68(3): a sum the council disputes is not yet due; MFMA: not yet money
 * owing) or, with `dispute: null`, clears the dispute. While disputed an invoice is left out of lateness.
 */
export const invoiceDisputeInput = z.object({
  invoiceId: idInput,
  version: versionInput,
  dispute: z
    .object({
      disputedOn: isoDate,
      reason: textInput({
        max: textLimits.long,
        min: 1,
        required: "Say what is disputed, so the supplier can be told.",
      }),
    })
    .nullable(),
});
export type InvoiceDisputeInput = z.infer<typeof invoiceDisputeInput>;

export type InvoiceDates = {
  receivedOn: string;
  dueOn?: string | null;
  paidOn: string | null;
  /** Set while the council disputes the invoice. */
  disputedOn?: string | null;
};

/**
 * Days taken to pay, counted as PR24 reg 38(2)(c) counts them: "day 1 is the first day after the invoice
 * day" (the day the invoice is received, reg 38(3)). Paid on the day it arrived is day 0.
 */
export function daysToPay(receivedOn: string, paidOn: string): number {
  return daysBetween(receivedOn, paidOn);
}

/** The payment term each jurisdiction's rule pack applies to invoices, and the words it is shown in. */
export type PaymentRule = {
  jurisdiction: Jurisdiction;
  source: string;
  /** What "on time" means, in one sentence. */
  term: string;
  /** The label of the on-time figure. */
  onTimeLabel: string;
  /** Whether a later due date printed on the invoice moves the deadline. */
  dueDateExtends: boolean;
  /** Whether the council publishes PR24 reg 38 figures (England). */
  reg38: boolean;
};

export const paymentRules: Record<Jurisdiction, PaymentRule> = {
  "GB-ENG": {
    jurisdiction: "GB-ENG",
    source: "PA23 s.68(2)",
    term: "Paid before the end of the period of 30 days beginning with the day the invoice was received or, if later, the day it fell due: an invoice received on 1 January is paid on time by 30 January.",
    onTimeLabel: "Paid on time (PA23 s.68(2))",
    dueDateExtends: true,
    reg38: true,
  },
  ZA: {
    jurisdiction: "ZA",
    source: "MFMA s.65(2)(e)",
    term: "Paid within 30 days of receiving the invoice or statement: an invoice received on 1 January is paid on time by 31 January. A later due date does not extend it.",
    onTimeLabel: "Paid within 30 days (MFMA s.65(2)(e))",
    dueDateExtends: false,
    reg38: false,
  },
};

/**
 * The last day an invoice is paid on time.
 * - PA23 s.68(2): paid "before the end of the period of 30 days beginning with" the day the invoice is
 *   received or, if later, the day payment falls due under the invoice. Day 1 is that day, so day 30 (the last
 *   on time) is 29 days after it: received 1 January, on time up to 30 January, late on 31 January.
 * - MFMA s.65(2)(e): money owing is paid "within 30 days of receiving the relevant invoice or statement"; no
 *   due date extends it. Counted as the Interpretation Act 33 of 1957 s.4 counts days (the first day
 *   excluded, the last included): received 1 January, on time up to 31 January.
 */
export function paymentDeadline(
  invoice: Pick<InvoiceDates, "receivedOn" | "dueOn">,
  jurisdiction: Jurisdiction,
): string {
  if (!paymentRules[jurisdiction].dueDateExtends) return addDays(invoice.receivedOn, 30);
  return addDays(payableOn(invoice, jurisdiction), 29);
}

/** The day the sum became payable: the invoice day or, where the rule lets it, the later due date. */
export function payableOn(invoice: Pick<InvoiceDates, "receivedOn" | "dueOn">, jurisdiction: Jurisdiction) {
  const due = invoice.dueOn;
  return paymentRules[jurisdiction].dueDateExtends && due && due > invoice.receivedOn
    ? due
    : invoice.receivedOn;
}

export const invoiceStandings = ["disputed", "paid_on_time", "paid_late", "unpaid", "unpaid_late"] as const;
export type InvoiceStanding = (typeof invoiceStandings)[number];

export const invoiceStandingLabels: Record<InvoiceStanding, string> = {
  disputed: "Disputed",
  paid_on_time: "Paid on time",
  paid_late: "Paid late",
  unpaid: "Unpaid, not yet due",
  unpaid_late: "Unpaid past its deadline",
};

/** Where an invoice stands against the payment term today. A disputed invoice is neither on time nor late. */
export function invoiceStanding(
  invoice: InvoiceDates,
  jurisdiction: Jurisdiction,
  today: string,
): InvoiceStanding {
  if (invoice.disputedOn) return "disputed";
  const deadline = paymentDeadline(invoice, jurisdiction);
  if (invoice.paidOn !== null) return invoice.paidOn <= deadline ? "paid_on_time" : "paid_late";
  return today > deadline ? "unpaid_late" : "unpaid";
}

/** A reporting period, first and last day included. */
export type ReportingPeriod = { start: string; end: string };

/**
 * The reporting period a day falls in.
 * - PA23 s.69: payments compliance notices cover six-month periods ending on 31 March and 30 September.
 * - ZA: the municipal financial year, 1 July to 30 June (MFMA s.1).
 */
export function reportingPeriodOf(date: string, jurisdiction: Jurisdiction): ReportingPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (jurisdiction === "ZA") {
    const startYear = month >= 7 ? year : year - 1;
    return { start: `${startYear}-07-01`, end: `${startYear + 1}-06-30` };
  }
  if (month >= 4 && month <= 9) return { start: `${year}-04-01`, end: `${year}-09-30` };
  const startYear = month >= 10 ? year : year - 1;
  return { start: `${startYear}-10-01`, end: `${startYear + 1}-03-31` };
}

/** The period before this one. */
export function previousReportingPeriod(period: ReportingPeriod, jurisdiction: Jurisdiction) {
  return reportingPeriodOf(addDays(period.start, -1), jurisdiction);
}

export type PaymentFigures = {
  rule: PaymentRule;
  /** The period the paid figures cover; null for every invoice ever recorded. */
  period: ReportingPeriod | null;
  /** Invoices paid (in the period), disputed or not: the sums reg 38(2)(c) reports on. */
  paidCount: number;
  /** PR24 reg 38(2)(c)(i): the arithmetic mean of days to pay; one decimal place; null when none was paid. */
  averageDaysToPay: number | null;
  /**
   * PR24 reg 38(2)(c)(ii): the share of payments made on day 1–30, 31–60 and 61 or later after the invoice
   * day, as percentages to one decimal place (a payment on the invoice day itself is in the first band).
   */
  bands: { upToDay30: number | null; day31to60: number | null; day61OrLater: number | null };
  /** Paid invoices not disputed, by the jurisdiction's payment term. */
  paidOnTimeCount: number;
  paidLateCount: number;
  /** Of the paid invoices not disputed; one decimal place; null when there are none. */
  percentPaidOnTime: number | null;
  /** Not paid, not disputed and past the deadline, as of `today` (whatever the period). */
  unpaidLateCount: number;
  /** Disputed now, so left out of lateness. */
  disputedCount: number;
  /**
   * PR24 reg 38(2)(d): of the sums that became payable in the period, the percentage not paid in it. Null
   * without a period or when nothing became payable; disputed invoices are not payable while disputed.
   */
  notPaidInPeriod: { payableCount: number; notPaidCount: number; percent: number | null } | null;
};

/**
 * The payment figures a council is held to: the jurisdiction's payment term (PA23 s.68(2) or MFMA
 * s.65(2)(e)) and, for the period, the figures of PR24 reg 38(2)(c)–(d). Each figure has one meaning: "paid on
 * time" is the statutory term; "up to day 30" is reg 38's band, which counts one day more than s.68(2).
 */
export function paymentFigures(
  invoices: readonly InvoiceDates[],
  {
    jurisdiction,
    today,
    period = null,
  }: { jurisdiction: Jurisdiction; today: string; period?: ReportingPeriod | null },
): PaymentFigures {
  const inPeriod = (date: string) => period === null || (date >= period.start && date <= period.end);
  const paid = invoices.filter(
    (invoice): invoice is InvoiceDates & { paidOn: string } =>
      invoice.paidOn !== null && inPeriod(invoice.paidOn),
  );
  const days = paid.map((invoice) => daysToPay(invoice.receivedOn, invoice.paidOn));
  const share = (count: number, of: number) => (of === 0 ? null : roundTo1((count * 100) / of));
  const upTo30 = days.filter((d) => d <= 30).length;
  const upTo60 = days.filter((d) => d <= 60).length;
  const standings = paid.map((invoice) => invoiceStanding(invoice, jurisdiction, today));
  const paidOnTimeCount = standings.filter((standing) => standing === "paid_on_time").length;
  const paidLateCount = standings.filter((standing) => standing === "paid_late").length;
  const payable =
    period === null
      ? null
      : invoices.filter((invoice) => {
          const on = payableOn(invoice, jurisdiction);
          return !invoice.disputedOn && on >= period.start && on <= period.end;
        });
  const notPaid = payable?.filter(
    (invoice) => invoice.paidOn === null || invoice.paidOn > (period?.end ?? ""),
  );
  return {
    rule: paymentRules[jurisdiction],
    period,
    paidCount: paid.length,
    averageDaysToPay: paid.length === 0 ? null : roundTo1(days.reduce((sum, d) => sum + d, 0) / paid.length),
    bands: {
      upToDay30: share(upTo30, paid.length),
      day31to60: share(upTo60 - upTo30, paid.length),
      day61OrLater: share(paid.length - upTo60, paid.length),
    },
    paidOnTimeCount,
    paidLateCount,
    percentPaidOnTime: share(paidOnTimeCount, paidOnTimeCount + paidLateCount),
    unpaidLateCount: invoices.filter(
      (invoice) => invoiceStanding(invoice, jurisdiction, today) === "unpaid_late",
    ).length,
    disputedCount: invoices.filter((invoice) => invoice.disputedOn).length,
    notPaidInPeriod:
      payable === null || notPaid === undefined
        ? null
        : {
            payableCount: payable.length,
            notPaidCount: notPaid.length,
            percent: share(notPaid.length, payable.length),
          },
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

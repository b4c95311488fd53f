import { z } from "zod";
import { idInput, isoDate, moneyInput, optionalTextInput, textInput, textLimits } from "../input.ts";

export const contractCategories = ["goods", "services", "works"] as const;
export const contractStatuses = ["awarded", "active", "expired", "terminated"] as const;
/** DESIGN §4: handover → mobilisation → delivery → change → closing → closed; re-procurement. */
export const lifecycleStages = [
  "handover",
  "mobilisation",
  "delivery",
  "change",
  "closing",
  "closed",
  "re_procurement",
] as const;
/**
 * The Procurement Act 2023 routes (s.19–20 competitive tendering, s.41 direct award, s.45–47 frameworks, s.39
 * dynamic markets), below-threshold contracts (Part 6), and the two PCR 2015 procedures registers still carry
 * for contracts awarded before 24 February 2025 (reg 28 restricted; reg 29–30 negotiation and dialogue).
 */
export const procurementRoutes = [
  "open",
  "competitive_flexible",
  "restricted",
  "competitive_negotiation",
  "direct_award",
  "framework",
  "dynamic_market",
  "below_threshold",
  "other",
] as const;
export const tiers = ["high", "medium", "low"] as const;
export type Tier = (typeof tiers)[number];
export const serviceRisks = ["low", "medium", "high"] as const;

const minorUnits = moneyInput();

/** Every register field of DESIGN §4. Values are integer minor units; dates are YYYY-MM-DD. */
export const contractInput = z
  .object({
    reference: textInput({ max: 100, min: 1, required: "Give the contract a reference." }),
    title: textInput({ max: textLimits.short, min: 1, required: "Give the contract a title." }),
    description: optionalTextInput(textLimits.long),
    category: z.enum(contractCategories, { error: "Choose goods, services or works." }),
    cpvCode: textInput({ max: 12 })
      .pipe(
        z
          .string()
          .regex(/^\d{8}(-\d)?$/, "A CPV code is 8 digits, optionally with a check digit (e.g. 90511000-2)."),
      )
      .nullable()
      .default(null),
    serviceArea: optionalTextInput(200),
    supplierId: idInput.nullable().default(null),
    contractManagerId: idInput.nullable().default(null),
    sroId: idInput.nullable().default(null),
    awardDate: isoDate.nullable().default(null),
    signedDate: isoDate.nullable().default(null),
    startDate: isoDate.nullable().default(null),
    endDate: isoDate.nullable().default(null),
    maxExtensionDate: isoDate.nullable().default(null),
    /** The date by which notice to end or extend must be given, or a break clause can be used. */
    noticeDate: isoDate.nullable().default(null),
    annualValueMinor: minorUnits.nullable().default(null),
    totalValueMinor: minorUnits.nullable().default(null),
    capitalValueMinor: minorUnits.nullable().default(null),
    currency: z
      .string({ error: "Use a three-letter currency code such as GBP." })
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as GBP."),
    procurementRoute: z.enum(procurementRoutes).nullable().default(null),
    lightTouch: z.boolean().default(false),
    /**
     * PA23 s.3: a public contract, at or over the Schedule 1 threshold (England only). Left out (null), it is
     * set from the total value against the threshold (`isPublicContractByValue`).
     */
    publicContract: z.boolean().nullable().default(null),
    corporatePriority: z.boolean().default(false),
    keyPublicService: z.boolean().default(false),
    serviceRisk: z.enum(serviceRisks).default("low"),
    status: z.enum(contractStatuses).default("active"),
    lifecycleStage: z.enum(lifecycleStages).default("delivery"),
  })
  .superRefine((contract, ctx) => {
    if (contract.startDate && contract.endDate && contract.endDate < contract.startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "The end date must be on or after the start date.",
      });
    }
    if (contract.endDate && contract.maxExtensionDate && contract.maxExtensionDate < contract.endDate) {
      ctx.addIssue({
        code: "custom",
        path: ["maxExtensionDate"],
        message: "The latest extension date must be on or after the end date.",
      });
    }
  });
export type ContractInput = z.infer<typeof contractInput>;

import { z } from "zod";
import { idInput, isoDate, optionalTextInput, textInput, textLimits, versionInput } from "../input.ts";

/**
 * MFMA SCM Regulations (2005) reg 36(1): the accounting officer may dispense with the official procurement
 * processes (a) "(i) in an emergency; (ii) if such goods or services are produced or available from a single
 * provider only; (iii) for the acquisition of special works of art or historical objects where specifications
 * are difficult to compile; (iv) acquisition of animals for zoos and/or nature and game reserves; or (v) in any
 * other exceptional case where it is impractical or impossible to follow the official procurement processes";
 * and (b) may "ratify any minor breaches of the procurement processes … which are purely of a technical nature".
 */
export const deviationGrounds = [
  "emergency",
  "single_provider",
  "special_works_of_art",
  "animals",
  "impractical",
  "minor_technical_breach",
] as const;
export type DeviationGround = (typeof deviationGrounds)[number];

export const deviationGroundLabels: Record<DeviationGround, string> = {
  emergency: "Emergency (reg 36(1)(a)(i))",
  single_provider: "Single provider only (reg 36(1)(a)(ii))",
  special_works_of_art: "Special works of art or historical objects (reg 36(1)(a)(iii))",
  animals: "Animals for zoos or nature and game reserves (reg 36(1)(a)(iv))",
  impractical: "Impractical or impossible to follow the official processes (reg 36(1)(a)(v))",
  minor_technical_breach: "Ratified minor technical breach (reg 36(1)(b))",
};

/**
 * SCM reg 36(2): "The accounting officer must record the reasons for any deviations … and report them to the
 * next meeting of the council … and include as a note to the annual financial statements." The deviation is
 * recorded with its ground and reasons; the report is the meeting's date and its reference (item or
 * resolution number), both or neither.
 */
export const deviationInput = z
  .object({
    ground: z.enum(deviationGrounds, { error: "Choose the ground in SCM regulation 36 for the deviation." }),
    reason: textInput({
      max: textLimits.long,
      min: 1,
      required: "Record the reasons for the deviation (SCM regulation 36(2)).",
    }),
    reportedOn: isoDate.nullable().default(null),
    reportReference: optionalTextInput(textLimits.short),
  })
  .superRefine((deviation, ctx) => {
    if (deviation.reportedOn !== null && deviation.reportReference === null) {
      ctx.addIssue({
        code: "custom",
        path: ["reportReference"],
        message: "Give the council meeting's item or resolution reference.",
      });
    }
    if (deviation.reportedOn === null && deviation.reportReference !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["reportedOn"],
        message: "Give the date of the council meeting it was reported to.",
      });
    }
  });
export type DeviationInput = z.infer<typeof deviationInput>;

/** Records, corrects or removes (null) a contract's deviation. */
export const setDeviationInput = z.object({
  contractId: idInput,
  version: versionInput,
  deviation: deviationInput.nullable(),
});

/** The deviation a stored contract records, or null. */
export function deviationOf(row: {
  deviationGround: DeviationGround | null;
  deviationReason: string | null;
  deviationReportedOn: string | null;
  deviationReportReference: string | null;
}): DeviationInput | null {
  if (row.deviationGround === null || row.deviationReason === null) return null;
  return {
    ground: row.deviationGround,
    reason: row.deviationReason,
    reportedOn: row.deviationReportedOn,
    reportReference: row.deviationReportReference,
  };
}

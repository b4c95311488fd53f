import { z } from "zod";
import { optionalEmailInput, optionalTextInput, textInput, textLimits } from "../input.ts";

/** org-id.guide schemes a council's supplier can be linked by (DESIGN §5). */
export const organisationSchemes = ["GB-COH", "GB-CHC", "GB-SC", "ZA-CIPC", "ZA-NPO"] as const;
export type OrganisationScheme = (typeof organisationSchemes)[number];

export const supplierInput = z.object({
  name: textInput({ max: textLimits.short, min: 1, required: "Enter the supplier's name." }),
  registrationNumber: optionalTextInput(40),
  /** The register the number belongs to; with a number it links the supplier to the shared organisation. */
  organisationScheme: z.enum(organisationSchemes).nullable().default(null),
  address: optionalTextInput(1000),
  isSme: z.boolean().default(false),
  isVcse: z.boolean().default(false),
  contactName: optionalTextInput(200),
  contactEmail: optionalEmailInput("Enter an email address like name@supplier.co.uk."),
  contactPhone: optionalTextInput(50),
});
export type SupplierInput = z.infer<typeof supplierInput>;

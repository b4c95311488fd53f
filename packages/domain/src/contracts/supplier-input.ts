import { z } from "zod";

/** org-id.guide schemes a council's supplier can be linked by (DESIGN §5). */
export const organisationSchemes = ["GB-COH", "GB-CHC", "GB-SC", "ZA-CIPC", "ZA-NPO"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || null)
    .nullable()
    .default(null);

export const supplierInput = z.object({
  name: z.string().trim().min(1, "Enter the supplier's name.").max(300),
  registrationNumber: optionalText(40),
  /** The register the number belongs to; with a number it links the supplier to the shared organisation. */
  organisationScheme: z.enum(organisationSchemes).nullable().default(null),
  address: optionalText(1000),
  isSme: z.boolean().default(false),
  isVcse: z.boolean().default(false),
  contactName: optionalText(200),
  contactEmail: z
    .string()
    .trim()
    .transform((value) => value || null)
    .pipe(z.email("Enter an email address like name@supplier.co.uk.").nullable())
    .nullable()
    .default(null),
  contactPhone: optionalText(50),
});
export type SupplierInput = z.infer<typeof supplierInput>;

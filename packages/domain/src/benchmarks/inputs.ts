import { z } from "zod";
import { organisationSchemes } from "../contracts/supplier-input.ts";
import { integerInput, listInput, optionalTextInput, textInput, textLimits } from "../input.ts";
import { kpiDirections, kpiUnits } from "../performance/vocabulary.ts";
import { slugOf } from "./library.ts";
import { identifierShapeMessage, registryIdentifier } from "./organisations.ts";
import { minimumBenchmarkK } from "./privacy.ts";

/** The operator's inputs to the KPI library and the organisation registry (issue 9 §1–§2). */

const slugInput = textInput({ max: 100, min: 1, required: "Give it a short name for links." })
  .transform(slugOf)
  .pipe(z.string().min(1, "Use letters or digits in the short name."));

export const serviceCategoryInput = z.object({
  slug: slugInput,
  name: textInput({ max: 200, min: 1, required: "Name the service category." }),
  description: textInput({ max: textLimits.long }).default(""),
});
export type ServiceCategoryInput = z.infer<typeof serviceCategoryInput>;

export const kpiTemplateInput = z
  .object({
    slug: slugInput,
    categoryId: z.uuid({ error: "Choose the service category." }),
    name: textInput({ max: textLimits.short, min: 1, required: "Name the KPI." }),
    definition: textInput({ max: textLimits.long, min: 1, required: "Say how it is measured." }),
    unit: z.enum(kpiUnits, { error: "Choose the unit." }),
    unitLabel: optionalTextInput(100),
    direction: z.enum(kpiDirections, { error: "Say whether higher or lower is better." }),
    numeratorDefinition: optionalTextInput(textLimits.short),
    denominatorDefinition: optionalTextInput(textLimits.short),
    guidance: textInput({ max: textLimits.long }).default(""),
    source: textInput({ max: textLimits.long }).default(""),
  })
  .superRefine((template, context) => {
    if (template.unit === "other" && !template.unitLabel) {
      context.addIssue({ code: "custom", path: ["unitLabel"], message: "Name the unit." });
    }
  })
  .transform((template) => ({
    ...template,
    unitLabel: template.unit === "other" ? template.unitLabel : null,
  }));
export type KpiTemplateInput = z.infer<typeof kpiTemplateInput>;

const aliasesInput = listInput(
  textInput({ max: textLimits.short, min: 1, required: "Remove the empty alias." }),
  20,
);

/** An organisation the operator records, with its legal name from the register (issue 9 §1). */
export const organisationInput = z
  .object({
    scheme: z.enum(organisationSchemes, { error: "Choose the register." }),
    identifier: textInput({ max: 40, min: 1, required: "Enter the registration number." }),
    name: textInput({ max: textLimits.short, min: 1, required: "Enter the legal name as registered." }),
    aliases: aliasesInput.default([]),
  })
  .transform((organisation, context) => {
    const identifier = registryIdentifier(organisation.scheme, organisation.identifier);
    if (identifier === null) {
      context.addIssue({
        code: "custom",
        path: ["identifier"],
        message: identifierShapeMessage(organisation.scheme),
      });
      return z.NEVER;
    }
    return { ...organisation, identifier };
  });

export const organisationNamesInput = z.object({
  name: textInput({ max: textLimits.short, min: 1, required: "Enter the legal name as registered." }),
  aliases: aliasesInput.default([]),
});

/** issue 9 §4: the platform's k, never below 3. */
export const benchmarkKInput = integerInput({
  min: minimumBenchmarkK,
  max: 50,
  message: `Choose a number of councils from ${minimumBenchmarkK} to 50.`,
});

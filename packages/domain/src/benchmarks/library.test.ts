import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseKpiLibrary } from "./library.ts";

const library = readFileSync(new URL("../../../../fixtures/kpi-library.md", import.meta.url), "utf8");

describe("parseKpiLibrary (fixtures/kpi-library.md)", () => {
  const categories = parseKpiLibrary(library);

  it("reads the five service sections as categories, each with its templates", () => {
    expect(categories.map((category) => [category.slug, category.templates.length])).toEqual([
      ["waste-collection", 6],
      ["street-cleansing", 6],
      ["grounds-maintenance-parks", 4],
      ["housing-repairs-council-as-landlord", 7],
      ["call-answering-customer-contact", 4],
    ]);
  });

  it("takes unit, direction, ratio parts and source from a row", () => {
    const missed = categories[0]?.templates[0];
    expect(missed).toMatchObject({
      slug: "missed-collections-rate",
      name: "Missed collections rate",
      unit: "per_100000",
      unitLabel: null,
      direction: "lower_is_better",
      numeratorDefinition: "scheduled collections not made on the day",
      denominatorDefinition: "collections due",
    });
    expect(missed?.source).toContain("wandsworth.gov.uk");
    expect(missed?.guidance).toContain("Wandsworth 0.03%");
  });

  it("keeps units it has no code for in words, and leaves out rows with no direction", () => {
    const residual = categories[0]?.templates.find((template) => template.slug.startsWith("residual"));
    expect(residual).toMatchObject({ unit: "other", unitLabel: "kg/household/year" });
    const wait = categories[4]?.templates.find((template) => template.name === "Average wait to answer");
    expect(wait).toMatchObject({ unit: "other", unitLabel: "seconds", direction: "lower_is_better" });
    const names = categories.flatMap((category) => category.templates.map((template) => template.name));
    expect(names).not.toContain("Standard APSE dimensions for every benchmarked service");
    expect(names).not.toContain("Repair priority classes (for setting targets)");
    expect(new Set(categories.flatMap((c) => c.templates.map((t) => t.slug))).size).toBe(names.length);
  });

  it("names no template with the markdown's emphasis", () => {
    const repairs = categories[3]?.templates[0];
    expect(repairs?.name).toBe("RSH TSM RP02(1) emergency repairs in target");
  });
});

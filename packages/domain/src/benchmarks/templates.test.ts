import { describe, expect, it } from "vitest";
import { suggestTemplates, type TemplateCandidate } from "./templates.ts";

const library: TemplateCandidate[] = [
  { id: "missed", name: "Missed collections rate", unit: "per_100000" },
  { id: "recycled", name: "Household waste reused/recycled/composted (ex-NI 192)", unit: "percent" },
  { id: "flytip", name: "Fly-tip clearance time", unit: "days" },
  { id: "emergency", name: "RSH TSM RP02(1) emergency repairs in target", unit: "percent" },
  { id: "emergency-time", name: "Average time, emergency repairs (Scot. Charter Ind. 11)", unit: "hours" },
  { id: "wait", name: "Average wait to answer", unit: "other" },
];

describe("suggestTemplates (issue 9 §2: from a KPI's name and unit)", () => {
  it.each([
    [{ name: "Missed bin collections", unit: "per_100000" as const }, ["missed"]],
    [{ name: "Household waste recycled", unit: "percent" as const }, ["recycled"]],
    [{ name: "Fly-tips cleared", unit: "days" as const }, ["flytip"]],
    [
      { name: "Emergency repairs completed in target", unit: "percent" as const },
      ["emergency", "emergency-time"],
    ],
    [{ name: "Emergency repair time", unit: "hours" as const }, ["emergency-time", "emergency"]],
    [{ name: "Invoices paid on time", unit: "percent" as const }, []],
  ])("%o → %o", (kpi, ids) => {
    expect(suggestTemplates(kpi, library).map((template) => template.id)).toEqual(ids);
  });

  it("keeps at most the limit", () => {
    expect(suggestTemplates({ name: "Emergency repairs", unit: "percent" }, library, 1)).toHaveLength(1);
  });
});

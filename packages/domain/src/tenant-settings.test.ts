import { describe, expect, it } from "vitest";
import { defaultSettingsFor, tenantSettings, tenantSettingsSchema } from "./tenant-settings.ts";

describe("tenant settings", () => {
  it("defaults to 004's thresholds and a delegation table", () => {
    const settings = tenantSettings({});
    expect(settings.tiering).toEqual({
      highAnnualMinor: 5_000_000,
      mediumAnnualMinor: 500_000,
      highCapitalMinor: 10_000_000,
      mediumCapitalMinor: 1_000_000,
    });
    expect(settings.delegation.map((entry) => entry.role)).toEqual(["sro", "finance", "board"]);
  });

  it("refuses a Medium threshold at or above High, naming the field", () => {
    const result = tenantSettingsSchema.safeParse({
      tiering: { highAnnualMinor: 500_000, mediumAnnualMinor: 500_000 },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["tiering.mediumAnnualMinor"]);
  });
});

describe("defaultSettingsFor", () => {
  it("sets a South African council's thresholds in rand, an English council's at 004's", () => {
    expect(defaultSettingsFor("GB-ENG")).toEqual(tenantSettings({}));
    const za = defaultSettingsFor("ZA");
    expect(za.tiering.highAnnualMinor).toBe(100_000_000);
    expect(za.tiering.mediumAnnualMinor).toBeLessThan(za.tiering.highAnnualMinor);
  });
});

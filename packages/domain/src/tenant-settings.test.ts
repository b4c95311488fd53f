import { describe, expect, it } from "vitest";
import { tenantSettings, tenantSettingsSchema } from "./tenant-settings.ts";

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
    const result = tenantSettingsSchema.safeParse({ tiering: { highAnnualMinor: 500_000, mediumAnnualMinor: 500_000 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["tiering.mediumAnnualMinor"]);
  });
});

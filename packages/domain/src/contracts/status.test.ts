import { describe, expect, test } from "vitest";
import { statusAfterEndDate } from "./status.ts";

describe("statusAfterEndDate", () => {
  test.each([
    ["active", "2026-11-30", "expired"],
    ["awarded", "2026-11-30", "expired"],
    ["active", "2026-12-01", "active"],
    ["active", "2026-12-02", "active"],
    ["active", null, "active"],
    ["terminated", "2025-01-01", "terminated"],
    ["expired", "2030-01-01", "expired"],
  ] as const)("%s ending %s, on 2026-12-01 → %s", (status, endDate, expected) => {
    expect(statusAfterEndDate(status, endDate, "2026-12-01")).toBe(expected);
  });
});

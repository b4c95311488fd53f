import { describe, expect, it } from "vitest";
import { isUuid, newId } from "./ids.ts";

describe("newId", () => {
  it("makes version 7 UUIDs that sort by creation time", () => {
    const earlier = newId(Date.UTC(2026, 0, 1));
    const later = newId(Date.UTC(2026, 0, 1, 0, 0, 1));
    expect(isUuid(earlier)).toBe(true);
    expect(earlier[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(earlier[19]);
    expect(earlier < later).toBe(true);
    // 2026-01-01T00:00:00Z is 0x019b76daa800 milliseconds.
    expect(earlier.slice(0, 13)).toBe("019b76da-a800");
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId(0)));
    expect(ids.size).toBe(1000);
  });
});

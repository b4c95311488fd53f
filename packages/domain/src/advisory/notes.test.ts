import { describe, expect, it } from "vitest";
import { advisoryNoteStatus } from "./notes.ts";

describe("advisoryNoteStatus", () => {
  const advisor = { fromCouncil: false, decision: null };
  it.each([
    ["note", [], "awaiting_answer"],
    ["note", [advisor], "awaiting_answer"],
    ["note", [{ fromCouncil: true, decision: null }], "answered"],
    ["recommendation", [{ fromCouncil: true, decision: null }], "answered"],
    ["recommendation", [{ fromCouncil: true, decision: "accepted" }], "accepted"],
    [
      "recommendation",
      [
        { fromCouncil: true, decision: "declined" },
        advisor,
        { fromCouncil: true, decision: "partly_accepted" },
        { fromCouncil: true, decision: null },
      ],
      "partly_accepted",
    ],
    // Only the council decides: an advisor's reply carrying a decision does not count.
    ["recommendation", [{ fromCouncil: false, decision: "accepted" }], "awaiting_answer"],
  ] as const)("a %s with replies %j: %s", (kind, replies, status) => {
    expect(advisoryNoteStatus({ kind }, replies)).toBe(status);
  });
});

import { describe, expect, test } from "vitest";
import { meetingChangeProblem } from "./meetings.ts";

describe("meetingChangeProblem (004 §9: planned meetings can be called off; held ones are records)", () => {
  const planned = { heldOn: null, cancelledOn: null };
  const held = { heldOn: "2026-03-02", cancelledOn: null };
  const cancelled = { heldOn: null, cancelledOn: "2026-02-20" };
  test.each([
    { case: "a planned meeting is updated", meeting: planned, change: "update", problem: null },
    { case: "a planned meeting is cancelled", meeting: planned, change: "cancel", problem: null },
    { case: "a held meeting is corrected", meeting: held, change: "update", problem: null },
    {
      case: "a held meeting cannot be cancelled",
      meeting: held,
      change: "cancel",
      problem: "This meeting has been held: it cannot be cancelled. Correct its record instead.",
    },
    {
      case: "a cancelled meeting is not updated",
      meeting: cancelled,
      change: "update",
      problem: "This meeting was cancelled. Plan a new meeting instead.",
    },
    {
      case: "a cancelled meeting is not cancelled again",
      meeting: cancelled,
      change: "cancel",
      problem: "This meeting was cancelled. Plan a new meeting instead.",
    },
  ] as const)("$case", ({ meeting, change, problem }) => {
    expect(meetingChangeProblem(meeting, change)).toBe(problem);
  });
});

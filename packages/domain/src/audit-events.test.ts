import { describe, expect, it } from "vitest";
import { auditActionInWords, auditActions, auditActionWords, auditEntityLabels } from "./audit-events.ts";

describe("audit events", () => {
  it.each([
    ["change.approved", "approved a change"],
    ["invitation.sent", "invited a member"],
    ["member.role_changed", "changed a member's role"],
    ["contract.created", "added a contract"],
    // An action no longer written, or written by a newer build, is shown as recorded.
    ["something.retired", "something.retired"],
    ["constructor", "constructor"],
  ])("says %s in words: %s", (action, words) => {
    expect(auditActionInWords(action)).toBe(words);
  });

  it("has words for every action, each a lower-case phrase to follow the actor's name", () => {
    expect(auditActions.length).toBeGreaterThan(15);
    for (const action of auditActions) {
      expect(auditActionWords[action], action).toMatch(/^[a-z][a-z' ,-]+[a-z]$/);
    }
  });

  it("names every kind of entity", () => {
    expect(auditEntityLabels).toEqual({
      contract: "Contract",
      supplier: "Supplier",
      membership: "Member",
      invitation: "Invitation",
      council: "Council",
      engagement: "Advisor engagement",
    });
  });
});

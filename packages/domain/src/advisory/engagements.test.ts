import { describe, expect, it } from "vitest";
import { engagementPermits, engagementStatus, grantEngagementInput } from "./engagements.ts";

describe("engagementStatus", () => {
  const engagement = { startsOn: "2026-04-01", endsOn: "2027-03-31", revokedAt: null };
  it.each([
    ["2026-03-31", "scheduled"],
    ["2026-04-01", "active"],
    ["2026-10-15", "active"],
    ["2027-03-31", "active"],
    ["2027-04-01", "ended"],
  ] as const)("on %s: %s (both days included)", (today, status) => {
    expect(engagementStatus(engagement, today)).toBe(status);
  });

  it("is revoked whatever the dates once revoked", () => {
    expect(engagementStatus({ ...engagement, revokedAt: new Date("2026-05-01") }, "2026-10-15")).toBe(
      "revoked",
    );
    expect(engagementStatus({ ...engagement, revokedAt: new Date("2026-03-01") }, "2026-03-15")).toBe(
      "revoked",
    );
  });
});

describe("engagementPermits", () => {
  // biome-ignore format: the table reads as a table
  const cases = [
    // scopes,                                   permission,          kind,       allowed
    [["read_portfolio"],                         "contracts:read",    "query",    true],
    [["add_notes"],                              "contracts:read",    "query",    false],
    [["run_reviews"],                            "contracts:read",    "query",    false],
    [["read_portfolio"],                         null,                "query",    true],
    [["read_portfolio"],                         null,                "mutation", false],
    [["add_notes"],                              "advisory:read",     "query",    true],
    [["read_portfolio"],                         "advisory:read",     "query",    true],
    [["read_portfolio"],                         "advisory:write",    "mutation", false],
    [["read_portfolio", "add_notes"],            "advisory:write",    "mutation", true],
    [["read_portfolio", "add_notes"],            "advisory:review",   "mutation", false],
    [["read_portfolio", "run_reviews"],          "advisory:review",   "mutation", true],
    [["read_portfolio", "add_notes", "run_reviews"], "contracts:write", "mutation", false],
  ] as const;
  it.each(cases)("%j, %s as a %s: %s", (scopes, permission, kind, allowed) => {
    // The role matrix has refused what the advisor role never does; the scope narrows the rest, and a write
    // outside the advisory work is refused whatever the scope.
    expect(engagementPermits(scopes, { permission, kind })).toBe(allowed);
  });
});

describe("grantEngagementInput", () => {
  const valid = {
    advisorEmail: " Ade@Advisory.Example ",
    scopes: ["run_reviews", "read_portfolio"],
    startsOn: "2026-04-01",
    endsOn: "2027-03-31",
  };
  it("reads an engagement, its scopes in the list's order and the email lower-cased", () => {
    expect(grantEngagementInput.parse(valid)).toEqual({
      ...valid,
      advisorEmail: "ade@advisory.example",
      scopes: ["read_portfolio", "run_reviews"],
    });
  });

  it.each([
    [{ scopes: [] }, "scopes", "Choose at least one thing the advisor may do."],
    [{ endsOn: "2026-03-31" }, "endsOn", "The engagement must end on or after it starts."],
    [{ scopes: ["write_everything"] }, "scopes.0", undefined],
    [{ advisorEmail: "not an email" }, "advisorEmail", undefined],
  ])("refuses %j with a message on %s", (change, field, message) => {
    const result = grantEngagementInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((each) => each.path.join(".") === field);
    expect(issue).toBeDefined();
    if (message) expect(issue?.message).toBe(message);
  });
});

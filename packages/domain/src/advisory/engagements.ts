import { z } from "zod";
import { emailInput, idInput, isoDate, listInput } from "../input.ts";
import type { Permission } from "../roles.ts";

/**
 * Issue 9 §7 and DESIGN §5: a council's admin engages an advisor of the inter-municipal advisory service (seed 000:
 * "Inter-municipal contract management advisory services") for a period and a scope. While the engagement is
 * active the advisor works in the council as the `advisor` role, narrowed to the scope; outside it, nothing.
 */
export const engagementScopes = ["read_portfolio", "add_notes", "run_reviews"] as const;
export type EngagementScope = (typeof engagementScopes)[number];
export const engagementScopeLabels: Record<EngagementScope, string> = {
  read_portfolio: "Read the portfolio",
  add_notes: "Add advisory notes",
  run_reviews: "Run performance reviews",
};

export const engagementStatuses = ["scheduled", "active", "ended", "revoked"] as const;
export type EngagementStatus = (typeof engagementStatuses)[number];
export const engagementStatusLabels: Record<EngagementStatus, string> = {
  scheduled: "Starts later",
  active: "Active",
  ended: "Ended",
  revoked: "Revoked",
};

/**
 * Where an engagement stands on `today`: revoked whenever it was revoked; otherwise by its dates, both days
 * included (an engagement from 1 April to 31 March is active on both). The session lookup applies the same rule
 * in SQL (`findSessionWithUser`), so a revoked or ended engagement opens nothing on the next request.
 */
export function engagementStatus(
  engagement: { startsOn: string; endsOn: string; revokedAt: Date | null },
  today: string,
): EngagementStatus {
  if (engagement.revokedAt) return "revoked";
  if (today < engagement.startsOn) return "scheduled";
  if (today > engagement.endsOn) return "ended";
  return "active";
}

/** Permissions an engaged advisor uses for the advisory work itself; every other one reads the portfolio. */
const scopeOfPermission: Partial<Record<Permission, EngagementScope | "any">> = {
  "advisory:read": "any",
  "advisory:write": "add_notes",
  "advisory:review": "run_reviews",
};

/**
 * Whether an engagement's scope covers a call. The role matrix has already allowed it to the `advisor` role; the
 * scope narrows it. Any engagement reads its own notes and reviews and the council's answers; the portfolio
 * (the register and everything on it) needs `read_portfolio`. An advisor never writes the council's own records
 * (DESIGN §5: "read-only"): a mutation is allowed only for the advisory work its scope names.
 */
export function engagementPermits(
  scopes: readonly EngagementScope[],
  call: { permission: Permission | null; kind: "query" | "mutation" },
): boolean {
  const needed = call.permission ? scopeOfPermission[call.permission] : undefined;
  if (needed === "any") return true;
  if (needed) return scopes.includes(needed);
  return call.kind === "query" && scopes.includes("read_portfolio");
}

const scopeList = listInput(z.enum(engagementScopes), engagementScopes.length)
  .min(1, "Choose at least one thing the advisor may do.")
  .transform((scopes) => engagementScopes.filter((scope) => scopes.includes(scope)));

export const grantEngagementInput = z
  .object({
    advisorEmail: emailInput("Enter the advisor's email address, like name@advisory.example."),
    scopes: scopeList,
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .superRefine((input, issues) => {
    if (input.endsOn < input.startsOn) {
      issues.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "The engagement must end on or after it starts.",
      });
    }
  });
export type GrantEngagementInput = z.infer<typeof grantEngagementInput>;

export const engagementRef = z.object({ engagementId: idInput });

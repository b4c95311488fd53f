import { describe, expect, it } from "vitest";
import { type MembershipChange, membershipChangeRefusal } from "./memberships.ts";
import type { Role } from "./roles.ts";

const [ana, ben, cat] = ["ana", "ben", "cat"];
const demote: MembershipChange = { kind: "role", role: "viewer" };
const promote: MembershipChange = { kind: "role", role: "admin" };
const deactivate: MembershipChange = { kind: "deactivate" };

// DESIGN §1 and §9: a council keeps an active admin; an admin does not deactivate themselves.
// biome-ignore format: the table reads as a table
const cases: [string, string, string, Role, MembershipChange, string[], string | null][] = [
  // what,                                    actor, member, member's role, change, active admins, refusal
  ["demote another admin, one stays",         ana,   ben,    "admin",       demote,     [ana, ben],  null],
  ["demote the last admin",                   ana,   ana,    "admin",       demote,     [ana],       "invalid"],
  ["demote yourself, another admin stays",    ana,   ana,    "admin",       demote,     [ana, ben],  null],
  ["deactivate the last other admin",         ana,   ben,    "admin",       deactivate, [ben],       "invalid"],
  ["deactivate an admin, two stay",           ana,   cat,    "admin",       deactivate, [ana, ben, cat], null],
  ["deactivate yourself",                     ana,   ana,    "admin",       deactivate, [ana, ben],  "forbidden"],
  ["deactivate a viewer",                     ana,   ben,    "viewer",      deactivate, [ana],       null],
  ["keep the last admin an admin",            ana,   ana,    "admin",       promote,    [ana],       null],
  ["promote a viewer",                        ana,   ben,    "viewer",      promote,    [ana],       null],
  ["change a non-admin's role",               ana,   ben,    "finance",     demote,     [ana],       null],
  // The other admin demoted me a moment ago: the locked read no longer lists them.
  ["demote the other admin, who just left",   ben,   ana,    "admin",       demote,     [ana],       "invalid"],
];

describe("membership changes", () => {
  it.each(cases)("%s", (_what, actorUserId, userId, role, change, activeAdminIds, expected) => {
    const refusal = membershipChangeRefusal({
      actorUserId,
      member: { userId, role },
      change,
      activeAdminIds,
    });
    expect(refusal?.kind ?? null).toBe(expected);
  });
});

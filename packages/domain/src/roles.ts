import { z } from "zod";

/** DESIGN §3: roles inside a tenant. */
/**
 * The roles a membership holds. `advisor` is not one: an advisor works in a council through an engagement the
 * council's admin grants for a period and a scope (issue 9 §7), never through a membership with no end.
 */
export const memberRoles = ["admin", "board", "sro", "contract_manager", "finance", "viewer"] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberRoleSchema = z.enum(memberRoles);
export const roles = [...memberRoles, "advisor"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles on the platform itself, outside any council. */
export const platformRoles = ["operator"] as const;
export type PlatformRole = (typeof platformRoles)[number];

export const roleLabels: Record<Role, string> = {
  admin: "Council admin",
  board: "Assurance board",
  sro: "Senior responsible officer",
  contract_manager: "Contract manager",
  finance: "Finance",
  viewer: "Viewer (auditor, councillor)",
  advisor: "Advisor",
};

/** What a member may do. Reading the register is open to every member; writing is not. */
export const permissions = [
  "users:manage",
  "settings:manage",
  "audit:read",
  "audit:verify",
  "contracts:read",
  "contracts:write",
  "contracts:archive",
  "suppliers:write",
  "changes:request",
  "changes:approve",
  "invoices:write",
  "register:import",
  /** KPIs and measurements, the monthly RAG, meetings and actions, risks, plans, reports and close-out (issue 8). */
  "performance:write",
  /** The council's licence: plan, seats, payment, invoices (issue 11 §7). */
  "billing:manage",
  /** Taking courses: the catalogue, enrolling, lessons, quizzes, one's own certificates (issue 10). */
  "training:learn",
  /** Assigning a course to a member with a due date (issue 10 §3: an admin or SRO). */
  "training:assign",
  /** The council's training matrix and its CSV (issue 10 §7). */
  "training:report",
  /** The council's requirements, its training setting and its own courses (issue 10 §6, §8). */
  "training:manage",
  /** Advisory notes and shared performance reviews, and the council's answers (issue 9 §7). */
  "advisory:read",
  /** Answering an advisor's note or recommendation, for the council. */
  "advisory:respond",
  /** Writing advisory notes and recommendations: the engaged advisor's own work. */
  "advisory:write",
  /** Drafting and sharing performance reviews: the engaged advisor's own work. */
  "advisory:review",
] as const;
export type Permission = (typeof permissions)[number];

/** What only an engaged advisor does in a council; no member does it. */
const advisorWork: readonly Permission[] = ["advisory:write", "advisory:review"];

const matrix: Record<Role, readonly Permission[]> = {
  admin: permissions.filter((permission) => !advisorWork.includes(permission)),
  board: [
    "audit:read",
    "contracts:read",
    "changes:approve",
    "training:learn",
    "training:report",
    "advisory:read",
    "advisory:respond",
  ],
  sro: [
    "contracts:read",
    "contracts:write",
    "contracts:archive",
    "suppliers:write",
    "changes:request",
    "changes:approve",
    "performance:write",
    "training:learn",
    "training:assign",
    "training:report",
    "advisory:read",
    "advisory:respond",
  ],
  contract_manager: [
    "contracts:read",
    "contracts:write",
    "suppliers:write",
    "changes:request",
    "invoices:write",
    "register:import",
    "performance:write",
    "training:learn",
    "advisory:read",
    "advisory:respond",
  ],
  finance: ["contracts:read", "invoices:write", "changes:approve", "training:learn", "advisory:read"],
  viewer: ["audit:read", "contracts:read", "training:learn", "advisory:read"],
  /** Engagements, not memberships, give this role; the engagement's scope narrows it (`engagementPermits`). */
  advisor: ["contracts:read", "advisory:read", "advisory:write", "advisory:review"],
};

export function can(role: Role, permission: Permission): boolean {
  return matrix[role].includes(permission);
}

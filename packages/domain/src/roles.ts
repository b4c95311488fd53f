import { z } from "zod";

/** DESIGN §3: roles inside a tenant. */
export const roles = ["admin", "board", "sro", "contract_manager", "finance", "viewer", "advisor"] as const;
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
] as const;
export type Permission = (typeof permissions)[number];

const matrix: Record<Role, readonly Permission[]> = {
  admin: [...permissions],
  board: ["audit:read", "contracts:read", "changes:approve", "training:learn", "training:report"],
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
  ],
  finance: ["contracts:read", "invoices:write", "changes:approve", "training:learn"],
  viewer: ["audit:read", "contracts:read", "training:learn"],
  advisor: ["contracts:read"],
};

export function can(role: Role, permission: Permission): boolean {
  return matrix[role].includes(permission);
}

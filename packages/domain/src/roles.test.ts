import { describe, expect, it } from "vitest";
import { can, type Permission, permissions, type Role, roles } from "./roles.ts";

/**
 * DESIGN §3: the permission matrix, written out by hand. Each row is a permission, each column a role
 * (admin, board, sro, contract manager, finance, viewer, advisor); a change to roles.ts must change this table.
 */
// biome-ignore format: the table reads as a table
const expected: Record<Permission, Record<Role, boolean>> = {
  "users:manage":      { admin: true, board: false, sro: false, contract_manager: false, finance: false, viewer: false, advisor: false },
  "settings:manage":   { admin: true, board: false, sro: false, contract_manager: false, finance: false, viewer: false, advisor: false },
  "billing:manage":    { admin: true, board: false, sro: false, contract_manager: false, finance: false, viewer: false, advisor: false },
  "audit:read":        { admin: true, board: true,  sro: false, contract_manager: false, finance: false, viewer: true,  advisor: false },
  "audit:verify":      { admin: true, board: false, sro: false, contract_manager: false, finance: false, viewer: false, advisor: false },
  "contracts:read":    { admin: true, board: true,  sro: true,  contract_manager: true,  finance: true,  viewer: true,  advisor: true  },
  "contracts:write":   { admin: true, board: false, sro: true,  contract_manager: true,  finance: false, viewer: false, advisor: false },
  "contracts:archive": { admin: true, board: false, sro: true,  contract_manager: false, finance: false, viewer: false, advisor: false },
  "suppliers:write":   { admin: true, board: false, sro: true,  contract_manager: true,  finance: false, viewer: false, advisor: false },
  "changes:request":   { admin: true, board: false, sro: true,  contract_manager: true,  finance: false, viewer: false, advisor: false },
  "changes:approve":   { admin: true, board: true,  sro: true,  contract_manager: false, finance: true,  viewer: false, advisor: false },
  "invoices:write":    { admin: true, board: false, sro: false, contract_manager: true,  finance: true,  viewer: false, advisor: false },
  "register:import":   { admin: true, board: false, sro: false, contract_manager: true,  finance: false, viewer: false, advisor: false },
  "performance:write": { admin: true, board: false, sro: true,  contract_manager: true,  finance: false, viewer: false, advisor: false },
  "training:learn":    { admin: true, board: true,  sro: true,  contract_manager: true,  finance: true,  viewer: true,  advisor: false },
  "training:assign":   { admin: true, board: false, sro: true,  contract_manager: false, finance: false, viewer: false, advisor: false },
  "training:report":   { admin: true, board: true,  sro: true,  contract_manager: false, finance: false, viewer: false, advisor: false },
  "training:manage":   { admin: true, board: false, sro: false, contract_manager: false, finance: false, viewer: false, advisor: false },
  "advisory:read":     { admin: true, board: true,  sro: true,  contract_manager: true,  finance: true,  viewer: true,  advisor: true  },
  "advisory:respond":  { admin: true, board: true,  sro: true,  contract_manager: true,  finance: false, viewer: false, advisor: false },
  "advisory:write":    { admin: false, board: false, sro: false, contract_manager: false, finance: false, viewer: false, advisor: true },
  "advisory:review":   { admin: false, board: false, sro: false, contract_manager: false, finance: false, viewer: false, advisor: true },
};

describe("permission matrix", () => {
  it("lists every permission and every role in the table", () => {
    expect(Object.keys(expected).sort()).toEqual([...permissions].sort());
    for (const permission of permissions)
      expect(Object.keys(expected[permission]).sort()).toEqual([...roles].sort());
  });

  it.each(
    permissions.flatMap((permission) =>
      roles.map((role) => ({ role, permission, allowed: expected[permission][role] })),
    ),
  )("$role: $permission → $allowed", ({ role, permission, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });
});

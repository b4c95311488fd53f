import { can, type Permission, type Role } from "@steward/domain";
import { type Accessor, createContext, createMemo, useContext } from "solid-js";
import { type CouncilFormat, councilFormat } from "./format.ts";
import { type Client, type Council, councilApi } from "./trpc.ts";

/** The council of the current `/t/:slug` route, and what the signed-in person may do in it. */
export interface CouncilValue {
  council: Accessor<Council>;
  /** A tRPC client whose requests name this council (`x-steward-tenant`). */
  api: Accessor<Client>;
  role: Accessor<Role>;
  /** For showing and hiding actions; the server enforces the same matrix. */
  can(permission: Permission): boolean;
  format: Accessor<CouncilFormat>;
  userId: Accessor<string>;
}

const CouncilContext = createContext<CouncilValue>();

/** Call inside a component: the formatter is memoised per council. */
export function createCouncilValue(council: Accessor<Council>, userId: Accessor<string>): CouncilValue {
  const format = createMemo(() => councilFormat(council()));
  return {
    council,
    api: () => councilApi(council().tenantId),
    role: () => council().role,
    can: (permission) => can(council().role, permission),
    format,
    userId,
  };
}

export const CouncilProvider = CouncilContext.Provider;

export function useCouncil(): CouncilValue {
  const value = useContext(CouncilContext);
  if (!value) throw new Error("useCouncil outside a council's pages");
  return value;
}

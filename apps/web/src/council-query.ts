import { type CreateQueryResult, createQuery, keepPreviousData } from "@tanstack/solid-query";
import { useCouncil } from "./council.tsx";
import { type Call, councilKey, invalidate, type Procedures, procedures, type Scope, send } from "./query.ts";
import type { Client } from "./trpc.ts";

// Apart from query.ts so the first load (the session) does not carry the council's code and the domain.

export interface QueryOptions {
  /** Keep showing the last answer while the next one loads (a register page, a search as one types). */
  keepPrevious?: boolean;
}

/**
 * A query in the current council. `call` may read signals (a route parameter, a filter); it answers `null`
 * while there is nothing to ask.
 */
export function councilQuery<Output>(
  call: (procedures: Procedures<Client>) => Call<Output> | null,
  options: QueryOptions = {},
): CreateQueryResult<Output> {
  const { api: councilApi, council } = useCouncil();
  return createQuery(() => {
    const wanted = call(procedures);
    const client = councilApi();
    return {
      queryKey: wanted ? councilKey(council().tenantId, wanted) : ["council", council().tenantId, "nothing"],
      queryFn: () => (wanted ? send(client, wanted, "query") : Promise.reject(new Error("nothing to ask"))),
      enabled: wanted !== null,
      placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    };
  });
}

/**
 * Mutations in the current council. Each names what it makes out of date; once it succeeds those queries
 * (and the audit trail) are fetched again before the promise resolves, so whatever the page says next
 * matches what it shows.
 */
export function councilMutations() {
  const { api: councilApi, council } = useCouncil();
  return async function mutate<Output>(
    call: (procedures: Procedures<Client>) => Call<Output>,
    changes: readonly Scope[],
  ): Promise<Output> {
    const tenantId = council().tenantId;
    const output = await send(councilApi(), call(procedures), "mutate");
    await invalidate(tenantId, changes);
    return output;
  };
}

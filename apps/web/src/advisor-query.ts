import { type CreateQueryResult, createQuery } from "@tanstack/solid-query";
import { type Call, type Procedures, procedures, send } from "./query.ts";
import { api, type Client } from "./trpc.ts";

/**
 * The advisor's own pages outside any council (the portfolio, their engagements): their calls send no council
 * header (the server reads each engaged council in a transaction of its own), and are cached under "advisor",
 * dropped with the session like a council's.
 */
export function advisorQuery<Output>(
  call: (procedures: Procedures<Client>) => Call<Output>,
): CreateQueryResult<Output> {
  return createQuery(() => {
    const wanted = call(procedures);
    return { queryKey: ["advisor", ...wanted.path, wanted.input], queryFn: () => send(api, wanted, "query") };
  });
}

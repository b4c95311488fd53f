import { type CreateQueryResult, createQuery } from "@tanstack/solid-query";
import { type Call, type Procedures, procedures, queryClient, send } from "./query.ts";
import { api, type Client } from "./trpc.ts";

/**
 * The platform operator's console: its calls belong to no council (the operator's rung sends no council
 * header), and are cached under "operator", dropped with the session like a council's.
 */
export function operatorKey(call: Call<unknown>) {
  return ["operator", ...call.path, call.input];
}

export function operatorQuery<Output>(
  call: (procedures: Procedures<Client>) => Call<Output> | null,
): CreateQueryResult<Output> {
  return createQuery(() => {
    const wanted = call(procedures);
    return {
      queryKey: wanted ? operatorKey(wanted) : ["operator", "nothing"],
      queryFn: () => (wanted ? send(api, wanted, "query") : Promise.reject(new Error("nothing to ask"))),
      enabled: wanted !== null,
    };
  });
}

/**
 * An operator mutation; once it succeeds, the routers it names (["operator"], ["courses"]) are fetched again
 * before the promise resolves, and so is the platform's audit log, which every operator mutation writes to.
 */
export async function operatorMutate<Output>(
  call: (procedures: Procedures<Client>) => Call<Output>,
  changes: readonly (keyof Client & string)[],
): Promise<Output> {
  const output = await send(api, call(procedures), "mutate");
  await Promise.all(
    [...changes.map((scope) => ["operator", scope]), ["operator", "operator", "auditLog"]].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
  return output;
}

import type { CreateQueryResult } from "@tanstack/solid-query";
import { createContext, type JSX, useContext } from "solid-js";
import { publicQuery, queryClient } from "./query.ts";
import type { Me } from "./trpc.ts";

interface SessionValue {
  /** The signed-in user and their councils; `null` when nobody is signed in. */
  me: CreateQueryResult<Me | null>;
  /**
   * Reads the session again, after signing in or out or joining a council. Every council's cached data (and
   * the operator console's) is dropped first: it was read for the person who was signed in before.
   */
  refresh(): Promise<Me | null>;
}

const SessionContext = createContext<SessionValue>();

export function SessionProvider(props: { children: JSX.Element }) {
  const me = publicQuery((procedures) => procedures.auth.me());
  const value: SessionValue = {
    me,
    refresh: async () => {
      queryClient.removeQueries({ queryKey: ["council"] });
      queryClient.removeQueries({ queryKey: ["operator"] });
      return (await me.refetch()).data ?? null;
    },
  };
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** Only paths inside this app, so a crafted `?next=` cannot send someone to another site. */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

import { createContext, createResource, type JSX, type Resource, useContext } from "solid-js";
import { api, type Me } from "./trpc.ts";

interface SessionValue {
  /** The signed-in user and their councils; `null` when nobody is signed in. */
  me: Resource<Me | null>;
  /** Reads the session again, after signing in or out or joining a council. */
  refresh(): Promise<Me | null>;
}

const SessionContext = createContext<SessionValue>();

function fetchMe(): Promise<Me | null> {
  return api.auth.me.query();
}

export function SessionProvider(props: { children: JSX.Element }) {
  const [me, { refetch }] = createResource(fetchMe);
  const value: SessionValue = {
    me,
    refresh: async () => (await refetch()) ?? null,
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

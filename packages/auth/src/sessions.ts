import type { Tx } from "@steward/db";
import { Lucia, TimeSpan } from "lucia";
import { HashedSessionAdapter, type SessionUserAttributes } from "./adapter.ts";
import { generateToken } from "./crypto.ts";

/** Idle lifetime: Lucia renews a session used in the second half of this span (sliding expiry). */
export const idleSessionLifetime = new TimeSpan(12, "h");

export interface SessionCookieSettings {
  /** Under HTTPS the cookie is Secure with the __Host- prefix. */
  secure: boolean;
}

function createLucia(tx: Tx, tenantId: string | null, cookie: SessionCookieSettings) {
  return new Lucia(new HashedSessionAdapter(tx, tenantId), {
    sessionExpiresIn: idleSessionLifetime,
    sessionCookie: {
      name: cookie.secure ? "__Host-steward_session" : "steward_session",
      attributes: { secure: cookie.secure, sameSite: "lax", path: "/" },
    },
    getUserAttributes: (attributes) => attributes,
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: SessionUserAttributes;
  }
}

export type AuthenticatedUser = SessionUserAttributes & { id: string };

/**
 * The session part of a request, bound to its transaction (and council, when there is one), so the
 * session check and the membership come back in the request's first round trip.
 */
export class SessionStore {
  private readonly lucia: ReturnType<typeof createLucia>;

  constructor(tx: Tx, tenantId: string | null, cookie: SessionCookieSettings) {
    this.lucia = createLucia(tx, tenantId, cookie);
  }

  get cookieName(): string {
    return this.lucia.sessionCookieName;
  }

  readSessionId(cookieHeader: string | undefined): string | null {
    return cookieHeader ? this.lucia.readSessionCookie(cookieHeader) : null;
  }

  /** The user and a refreshed cookie when the session was renewed; null when it is missing or expired. */
  async validate(
    sessionId: string,
  ): Promise<{ user: AuthenticatedUser; sessionId: string; setCookie: string | null } | null> {
    const { session, user } = await this.lucia.validateSession(sessionId);
    if (!session) return null;
    return {
      user,
      sessionId: session.id,
      setCookie: session.fresh ? this.lucia.createSessionCookie(session.id).serialize() : null,
    };
  }

  /** A new session at every sign-in (no fixation); returns its Set-Cookie header. */
  async create(userId: string): Promise<{ sessionId: string; setCookie: string }> {
    const session = await this.lucia.createSession(userId, {}, { sessionId: generateToken() });
    return { sessionId: session.id, setCookie: this.lucia.createSessionCookie(session.id).serialize() };
  }

  /**
   * Signing in again (or accepting an invitation) in a browser that holds a session: the new session
   * replaces it, so no earlier sign-in lingers behind the new one.
   */
  async replace(
    previousSessionId: string | null,
    userId: string,
  ): Promise<{ sessionId: string; setCookie: string }> {
    if (previousSessionId) await this.lucia.invalidateSession(previousSessionId);
    return this.create(userId);
  }

  async end(sessionId: string): Promise<string> {
    await this.lucia.invalidateSession(sessionId);
    return this.lucia.createBlankSessionCookie().serialize();
  }

  /** Deletes sessions past their idle or absolute lifetime (a periodic clean-up; validation never trusts them). */
  async sweepExpired(): Promise<void> {
    await this.lucia.deleteExpiredSessions();
  }

  /** Ends every session of a user: password change or reset, deactivation, role removal. */
  async endAllFor(userId: string): Promise<void> {
    await this.lucia.invalidateUserSessions(userId);
  }
}

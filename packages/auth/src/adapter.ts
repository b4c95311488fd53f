import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  listUserSessions,
  setSessionExpiry,
  type Tx,
} from "@steward/db";
import type { EngagementScope, PlatformRole, Role } from "@steward/domain";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { sha256Hex } from "./crypto.ts";

/** A session may be renewed while in use, but never lives longer than this from sign-in. */
export const absoluteSessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface SessionUserAttributes {
  email: string;
  name: string;
  platformRole: PlatformRole | null;
  /** The user's role in the request's council, when the adapter was given one. */
  role: Role | null;
  /** For an advisor: the council's engagement that gives the role, and its scope (issue 9 §7). */
  engagement: { id: string; scopes: EngagementScope[] } | null;
}

/**
 * Lucia's storage, in the request's transaction, keeping only the SHA-256 of each session id (DESIGN §3).
 * Given a council, the session lookup also brings the user's membership there: one round trip.
 */
export class HashedSessionAdapter implements Adapter {
  constructor(
    private readonly tx: Tx,
    private readonly tenantId: string | null = null,
  ) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await findSessionWithUser(this.tx, { idHash: sha256Hex(sessionId), tenantId: this.tenantId });
    if (!row || row.createdMs + absoluteSessionLifetimeMs <= Date.now()) return [null, null];
    const attributes: SessionUserAttributes = {
      email: row.email,
      name: row.name,
      platformRole: row.platformRole,
      role: row.role,
      engagement: row.engagement,
    };
    return [
      { id: sessionId, userId: row.userId, expiresAt: new Date(row.expiresMs), attributes: {} },
      { id: row.userId, attributes },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    // Only digests are stored, so the sessions cannot be handed back by id; nothing in Steward asks for them.
    const rows = await listUserSessions(this.tx, { userId });
    return rows.map((row) => ({ id: row.idHash, userId, expiresAt: row.expiresAt, attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await createSession(this.tx, {
      idHash: sha256Hex(session.id),
      userId: session.userId,
      expiresAt: session.expiresAt,
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await setSessionExpiry(this.tx, { idHash: sha256Hex(sessionId), expiresAt });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await deleteSession(this.tx, { idHash: sha256Hex(sessionId) });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await deleteUserSessions(this.tx, { userId });
  }

  async deleteExpiredSessions(): Promise<void> {
    await deleteExpiredSessions(this.tx, { absoluteLifetimeMs: absoluteSessionLifetimeMs });
  }
}

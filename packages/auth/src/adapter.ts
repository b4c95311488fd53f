import { schema, type Tx } from "@steward/db";
import type { Role } from "@steward/domain";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { sha256Hex } from "./crypto.ts";

const { memberships, sessions, users } = schema;

/** A session may be renewed while in use, but never lives longer than this from sign-in. */
export const absoluteSessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface SessionUserAttributes {
  email: string;
  name: string;
  platformRole: "operator" | null;
  /** The user's role in the request's council, when the adapter was given one. */
  role: Role | null;
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
    const [row] = await this.tx
      .select({
        expiresAt: sessions.expiresAt,
        createdAt: sessions.createdAt,
        userId: users.id,
        email: users.email,
        name: users.name,
        platformRole: users.platformRole,
        role: memberships.role,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(
        memberships,
        and(
          eq(memberships.userId, users.id),
          this.tenantId ? eq(memberships.tenantId, this.tenantId) : sql`false`,
          isNull(memberships.deactivatedAt),
        ),
      )
      .where(eq(sessions.idHash, sha256Hex(sessionId)));
    if (!row || row.createdAt.getTime() + absoluteSessionLifetimeMs <= Date.now()) return [null, null];
    const attributes: SessionUserAttributes = {
      email: row.email,
      name: row.name,
      platformRole: row.platformRole,
      role: row.role,
    };
    return [
      { id: sessionId, userId: row.userId, expiresAt: row.expiresAt, attributes: {} },
      { id: row.userId, attributes },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    // Only digests are stored, so the sessions cannot be handed back by id; nothing in Steward asks for them.
    const rows = await this.tx.select().from(sessions).where(eq(sessions.userId, userId));
    return rows.map((row) => ({ id: row.idHash, userId, expiresAt: row.expiresAt, attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.tx
      .insert(sessions)
      .values({ idHash: sha256Hex(session.id), userId: session.userId, expiresAt: session.expiresAt });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.tx
      .update(sessions)
      .set({ expiresAt })
      .where(eq(sessions.idHash, sha256Hex(sessionId)));
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.tx.delete(sessions).where(eq(sessions.idHash, sha256Hex(sessionId)));
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.tx.delete(sessions).where(eq(sessions.userId, userId));
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.tx
      .delete(sessions)
      .where(
        sql`${lt(sessions.expiresAt, new Date())} or ${sessions.createdAt} < now() - make_interval(secs => ${absoluteSessionLifetimeMs / 1000})`,
      );
  }
}

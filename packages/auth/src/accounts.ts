import {
  addMembership,
  closeInvitation,
  createInvitation,
  createPasswordReset,
  createUser,
  enqueueMail,
  findInvitationByTokenHash,
  findUserByEmail,
  getTenant,
  getUser,
  setPasswordHash,
  type Tx,
  usePasswordReset,
} from "@steward/db";
import { DomainError, invalid, type MemberRole, newPasswordSchema, roleLabels } from "@steward/domain";
import { generateToken, hashPassword, sha256Hex, verifyPassword } from "./crypto.ts";
import { type AttemptLimiter, invitationAccount } from "./rate-limit.ts";
import type { SessionStore } from "./sessions.ts";

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
const resetLifetimeMs = 60 * 60 * 1000;
/** Mail older than this carries no live link: the outbox sweep deletes it. */
export const longestMailedTokenLifetimeMs = Math.max(invitationLifetimeMs, resetLifetimeMs);
const wrongCredentials = "The email or password is not right. Check them and try again.";

/** A real argon2id hash of a random password: unknown emails cost the same time as known ones. */
const decoyHash = hashPassword(generateToken());

/**
 * Checks the password of an attempt the caller has already counted (`AttemptLimiter.reserve`, before the
 * request's transaction). A new session replaces the one the browser held, if any, so signing in as someone
 * else leaves nothing of the previous session behind.
 */
export async function signIn(
  tx: Tx,
  input: { email: string; password: string; ip: string; previousSessionId: string | null },
  deps: { limiter: AttemptLimiter; sessions: SessionStore; verify?: typeof verifyPassword },
): Promise<{ userId: string; setCookie: string }> {
  const verify = deps.verify ?? verifyPassword;
  const user = await findUserByEmail(tx, input.email);
  const passwordMatches = await verify(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user?.passwordHash || !passwordMatches) throw new DomainError("unauthorised", wrongCredentials);
  await deps.limiter.succeeded(tx, { ip: input.ip, account: input.email });
  const { setCookie } = await deps.sessions.replace(input.previousSessionId, user.id);
  return { userId: user.id, setCookie };
}

/** Ends every other session and starts a fresh one for the caller (DESIGN §3). */
export async function changePassword(
  tx: Tx,
  input: { userId: string; currentPassword: string; newPassword: string },
  sessions: SessionStore,
): Promise<{ setCookie: string }> {
  const user = await getUser(tx, input.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid("Your current password is not right.", {
      currentPassword: "This is not your current password.",
    });
  }
  await setPasswordHash(tx, { userId: user.id, passwordHash: await hashPassword(input.newPassword) });
  await sessions.endAllFor(user.id);
  return sessions.create(user.id);
}

/** Always succeeds from the caller's view, so the form cannot tell who has an account. */
export async function requestPasswordReset(tx: Tx, input: { email: string; appUrl: string }): Promise<void> {
  const user = await findUserByEmail(tx, input.email);
  if (!user) return;
  const token = generateToken();
  await createPasswordReset(tx, {
    tokenHash: sha256Hex(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + resetLifetimeMs),
  });
  await enqueueMail(tx, {
    to: user.email,
    subject: "Reset your Steward password",
    body: `Hello ${user.name},\n\nSomeone asked to reset the password of your Steward account. If it was you, choose a new password here within an hour:\n\n${input.appUrl}/reset-password?token=${token}\n\nIf it was not you, ignore this message: your password has not changed.`,
  });
}

export async function resetPassword(
  tx: Tx,
  input: { token: string; password: string },
  sessions: SessionStore,
): Promise<void> {
  const reset = await usePasswordReset(tx, { tokenHash: sha256Hex(input.token) });
  if (!reset) throw invalid("This reset link has expired or was already used. Ask for a new one.");
  await setPasswordHash(tx, { userId: reset.userId, passwordHash: await hashPassword(input.password) });
  await sessions.endAllFor(reset.userId);
}

export async function inviteMember(
  tx: Tx,
  input: {
    tenantId: string;
    councilName: string;
    email: string;
    role: MemberRole;
    invitedBy: string;
    appUrl: string;
  },
) {
  const token = generateToken();
  const invitation = await createInvitation(tx, {
    tenantId: input.tenantId,
    email: input.email,
    role: input.role,
    tokenHash: sha256Hex(token),
    invitedBy: input.invitedBy,
    expiresAt: new Date(Date.now() + invitationLifetimeMs),
  });
  if (!invitation) {
    throw new DomainError("conflict", "This person already has an open invitation.", {
      email: "Already invited: revoke it first to send a new one.",
    });
  }
  await enqueueMail(tx, {
    to: input.email,
    subject: `You are invited to ${input.councilName} on Steward`,
    body: `You have been invited to join ${input.councilName} on Steward as ${roleLabels[input.role]}.\n\nAccept within 7 days:\n\n${input.appUrl}/accept-invitation?council=${input.tenantId}&token=${token}`,
  });
  return invitation;
}

/** Describes an open invitation for the accept page, without consuming it. */
export async function describeInvitation(tx: Tx, input: { tenantId: string; token: string }) {
  const invitation = await openInvitation(tx, input);
  const [existing, council] = await Promise.all([
    findUserByEmail(tx, invitation.email),
    getTenant(tx, { tenantId: input.tenantId }),
  ]);
  return {
    email: invitation.email,
    role: invitation.role,
    hasAccount: Boolean(existing),
    councilName: council?.name ?? "",
    councilSlug: council?.slug ?? "",
  };
}

/**
 * Single use: the invitation is closed in the same transaction as the membership is added. A new account
 * chooses its password; an existing account proves itself with its password.
 */
export async function acceptInvitation(
  tx: Tx,
  input: { tenantId: string; token: string; name?: string | undefined; password: string; ip: string },
  deps: { limiter: AttemptLimiter },
): Promise<{ userId: string; invitationId: string; role: MemberRole }> {
  const invitation = await openInvitation(tx, input);
  let user = await findUserByEmail(tx, invitation.email);
  if (user) {
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
      throw invalid("That is not the password of your existing account.", {
        password: "Enter the password you sign in with.",
      });
    }
  } else {
    if (!input.name) throw invalid("Tell us your name.", { name: "Enter your name as colleagues know it." });
    // A new account's password follows the same rule as any new password (newPasswordSchema).
    const password = newPasswordSchema.safeParse(input.password);
    if (!password.success) {
      throw invalid("Choose a longer password.", {
        password: password.error.issues[0]?.message ?? "Choose another password.",
      });
    }
    user = await createUser(tx, {
      email: invitation.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
  }
  const closed = await closeInvitation(tx, { tenantId: input.tenantId, id: invitation.id, as: "accepted" });
  if (!closed) throw invalid("This invitation was already used.");
  await addMembership(tx, { tenantId: input.tenantId, userId: user.id, role: invitation.role });
  await deps.limiter.succeeded(tx, { ip: input.ip, account: invitationAccount(input.token) });
  return { userId: user.id, invitationId: invitation.id, role: invitation.role };
}

async function openInvitation(tx: Tx, input: { tenantId: string; token: string }) {
  const invitation = await findInvitationByTokenHash(tx, {
    tenantId: input.tenantId,
    tokenHash: sha256Hex(input.token),
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) {
    throw invalid(
      "This invitation link has expired or was already used. Ask your council admin for a new one.",
    );
  }
  return invitation;
}

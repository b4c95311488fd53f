import { countAttempt, type Database, inTransaction, settleSuccessfulAttempt, type Tx } from "@steward/db";
import { sha256Hex } from "./crypto.ts";

/**
 * What an attempt is counted against: the client's address, and the account it tries (an email, compared
 * lower-cased, or the invitation whose account's password it checks: `invitationAccount`).
 */
export interface Attempt {
  ip: string;
  account: string;
}

/** The account an invitation's acceptance tries, for the limiter: the invitation itself. */
export const invitationAccount = (token: string) => `invitation:${token}`;

export interface AttemptLimits {
  /** Names the counters, so two limiters never share one. */
  purpose: string;
  perAccount: number;
  perIp: number;
  windowMs: number;
  /** What a refused visitor reads. */
  refusal: string;
}

const signInLimits: AttemptLimits = {
  purpose: "sign-in",
  perAccount: 10,
  perIp: 50,
  windowMs: 15 * 60 * 1000,
  refusal: "Too many failed sign-ins. Wait 15 minutes, or reset your password.",
};

/**
 * Fixed-window counters of attempts per account and per address, kept in PostgreSQL so that every API
 * process behind a load balancer counts against one limit (DESIGN §11). An attempt is counted before any
 * work is done, in a transaction of its own that commits at once: concurrent attempts cannot all slip under
 * the limit, an attempt that fails and rolls its request back still counts, and an attempt over the limit
 * costs no argon2 time (DESIGN §3). Sign-in then takes back a successful attempt (`succeeded`); password
 * resets count every request, so no one can flood an inbox.
 */
export class AttemptLimiter {
  constructor(readonly limits: AttemptLimits = signInLimits) {}

  get refusal(): string {
    return this.limits.refusal;
  }

  /** Counts the attempt and says whether it is within both limits. */
  async reserve(database: Database, attempt: Attempt): Promise<boolean> {
    const { account, address } = this.keysOf(attempt);
    const counts = await inTransaction(database, { tenantId: null, userId: null }, (tx) =>
      countAttempt(tx, { keyHashes: [account, address], windowMs: this.limits.windowMs }),
    );
    return (
      (counts.get(account) ?? 0) <= this.limits.perAccount && (counts.get(address) ?? 0) <= this.limits.perIp
    );
  }

  /**
   * A sign-in that succeeded was no failure: the account's failures are forgotten and the address gets its
   * attempt back. In the request's transaction, so it holds only if the sign-in commits.
   */
  async succeeded(tx: Tx, attempt: Attempt): Promise<void> {
    const { account, address } = this.keysOf(attempt);
    await settleSuccessfulAttempt(tx, { accountKeyHash: account, addressKeyHash: address });
  }

  private keysOf({ ip, account }: Attempt) {
    const { purpose } = this.limits;
    return {
      account: sha256Hex(`${purpose}:account:${account.toLowerCase()}`),
      address: sha256Hex(`${purpose}:ip:${ip}`),
    };
  }
}

/** The limiter for password reset requests: 3 per account and 20 per address in an hour. */
export function passwordResetLimiter(): AttemptLimiter {
  return new AttemptLimiter({
    purpose: "password-reset",
    perAccount: 3,
    perIp: 20,
    windowMs: 60 * 60 * 1000,
    refusal: "Too many reset requests. Wait an hour, or ask your council admin.",
  });
}

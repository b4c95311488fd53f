/**
 * Fixed-window counters of attempts per IP and per account. Sign-in counts failures and is checked before
 * any password is hashed (DESIGN §3), so a flood costs no argon2 time; password resets count every request,
 * so no one can flood an inbox. In memory: one API process; see docs/security.md.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(
    private readonly limits = { perAccount: 10, perIp: 50, windowMs: 15 * 60 * 1000 },
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked({ ip, email }: { ip: string; email: string }): boolean {
    return (
      this.count(`account:${email.toLowerCase()}`) >= this.limits.perAccount ||
      this.count(`ip:${ip}`) >= this.limits.perIp
    );
  }

  record({ ip, email }: { ip: string; email: string }): void {
    if (this.failures.size > 50_000) this.forgetExpired();
    for (const key of [`account:${email.toLowerCase()}`, `ip:${ip}`]) {
      const entry = this.current(key);
      this.failures.set(key, {
        count: (entry?.count ?? 0) + 1,
        windowStart: entry?.windowStart ?? this.now(),
      });
    }
  }

  forget({ email }: { email: string }): void {
    this.failures.delete(`account:${email.toLowerCase()}`);
  }

  /** Bounds memory under a flood of distinct accounts or addresses. */
  private forgetExpired(): void {
    for (const [key, entry] of this.failures) {
      if (this.now() - entry.windowStart >= this.limits.windowMs) this.failures.delete(key);
    }
  }

  private count(key: string): number {
    return this.current(key)?.count ?? 0;
  }

  private current(key: string) {
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.windowStart >= this.limits.windowMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** The limiter for password reset requests: 3 per account and 20 per address in an hour. */
export function passwordResetLimiter(): AttemptLimiter {
  return new AttemptLimiter({ perAccount: 3, perIp: 20, windowMs: 60 * 60 * 1000 });
}

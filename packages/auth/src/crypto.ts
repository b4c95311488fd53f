import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** DESIGN §3: argon2id with m=19456 KiB, t=2, p=1 (OWASP's minimum). @node-rs/argon2 defaults to argon2id. */
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/** An unguessable token for sessions, invitations and password resets (256 bits). */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this digest of a token is stored, so a leaked table opens nothing. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/**
 * Typed domain errors. The API maps each kind to one tRPC code in one place (packages/api/src/init.ts);
 * the message is the sentence a user sees, so it says what to do.
 */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly kind: "not_found" | "conflict" | "forbidden" | "invalid" | "unauthorised" | "too_many_requests",
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const conflict = (message: string) => new DomainError("conflict", message);
export const forbidden = (message = "You do not have permission to do that.") =>
  new DomainError("forbidden", message);
export const invalid = (message: string, fieldErrors: FieldErrors = {}) =>
  new DomainError("invalid", message, fieldErrors);

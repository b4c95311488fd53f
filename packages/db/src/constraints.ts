/**
 * The constraint a failed statement broke, or null. drizzle wraps PostgreSQL's error (its `cause`), which names
 * the constraint; a router turns a unique key it expects into a field message with this.
 */
export function violatedConstraint(error: unknown): string | null {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error) || !("constraint_name" in cause)) return null;
  return typeof cause.constraint_name === "string" ? cause.constraint_name : null;
}

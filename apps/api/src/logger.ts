import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Logs never hold input values or secrets (DESIGN §9), and no line grows with its input:
 * - an error is described by its kind, its PostgreSQL code and the statement's text (placeholders, not
 *   values), never by the parameters or the database's message (which can quote the input); any other
 *   error's message is kept with its quoted parts masked (they quote the input too);
 * - every string is cut at `maxText` characters, every object at `maxKeys` keys, every list at `maxItems`,
 *   and nothing is logged deeper than `maxDepth`, so one line stays within a few kilobytes.
 */
const maxText = 500;
const maxKeys = 30;
const maxItems = 20;
const maxDepth = 4;
const maxCauses = 4;
const maxStackFrames = 8;

function clampText(text: string): string {
  return text.length <= maxText ? text : `${text.slice(0, maxText)}… (${text.length} characters)`;
}

function clamp(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return clampText(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) return describeError(value);
  if (value instanceof Date) return value;
  if (depth >= maxDepth) return "[nested too deep]";
  if (Array.isArray(value)) {
    const items = value.slice(0, maxItems).map((item) => clamp(item, depth + 1));
    return value.length > maxItems ? [...items, `… (${value.length} items)`] : items;
  }
  const entries = Object.entries(value);
  const kept = Object.fromEntries(
    entries.slice(0, maxKeys).map(([key, item]) => [key, clamp(item, depth + 1)]),
  );
  if (entries.length > maxKeys) kept["…"] = `${entries.length} keys`;
  return kept;
}

interface PostgresErrorFields {
  code: string;
  severity: string;
  routine?: string;
  table_name?: string;
  column_name?: string;
  constraint_name?: string;
}

function isPostgresError(error: Error): error is Error & PostgresErrorFields {
  return typeof Reflect.get(error, "code") === "string" && typeof Reflect.get(error, "severity") === "string";
}

/** drizzle's wrapper: its message holds the parameters, so only the statement's text is kept. */
function failedStatement(error: Error): string | null {
  const query = Reflect.get(error, "query");
  return typeof query === "string" && "params" in error ? query : null;
}

/**
 * An error message with its quoted text masked: Node's and libraries' messages quote what they were given
 * (`Unexpected token 'o', "our secret" is not valid JSON`), so what stands between quotes is not kept.
 */
function maskedMessage(message: string): string {
  return clampText(message).replace(/(["'`])(?:(?!\1)[^\n])*\1/g, "$1…$1");
}

function stackFrames(error: Error): string[] {
  // The first lines of a stack repeat the message; only the frames are kept.
  return (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, maxStackFrames)
    .map((line) => line.trim());
}

/** What a log line says about an error: safe to keep, bounded in size. */
export function describeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const described: Record<string, unknown> = { type: error.name };
  const statement = failedStatement(error);
  if (statement !== null) {
    described.statement = clampText(statement);
  } else if (isPostgresError(error)) {
    described.code = error.code;
    described.routine = error.routine;
    described.table = error.table_name;
    described.column = error.column_name;
    described.constraint = error.constraint_name;
  } else {
    const code = Reflect.get(error, "code");
    if (typeof code === "string") described.code = code;
    described.message = maskedMessage(error.message);
    described.stack = stackFrames(error);
  }
  if (error.cause !== undefined && depth < maxCauses) described.cause = describeError(error.cause, depth + 1);
  return described;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      // formatters.log has already described any error (under any key); pino's own serializer must not undo it.
      serializers: { err: (value: unknown) => (value instanceof Error ? describeError(value) : value) },
      formatters: { log: (fields) => clamp(fields) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // The message itself (pino's "msg") is cut like any other text.
          const clamped = args.map((arg) => (typeof arg === "string" ? clampText(arg) : arg));
          return method.apply(this, clamped as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

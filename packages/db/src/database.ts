import { isUuid } from "@steward/domain";
import {
  type AnyColumn,
  Column,
  type DriverValueDecoder,
  fillPlaceholders,
  is,
  type Query,
  SQL,
  Subquery,
  sql as sqlText,
} from "drizzle-orm";
import {
  PgDialect,
  type PgPreparedQuery,
  type PreparedQueryConfig,
  type SelectedFieldsOrdered,
} from "drizzle-orm/pg-core";
import { drizzle, PostgresJsDatabase, PostgresJsSession } from "drizzle-orm/postgres-js";
import postgres from "postgres";

/**
 * The drizzle handle a query function receives: always inside one scoped transaction. `$client` is the
 * transaction's postgres.js connection, for the few hot-path queries written as SQL.
 */
export type Tx = PostgresJsDatabase & { $client: postgres.Sql };

/**
 * drizzle sends unnamed statements unless a query is `.prepare()`d on a long-lived db, which a per-request
 * transaction cannot use. Marking every query prepared lets postgres.js keep a named statement per
 * connection and query text, so PostgreSQL parses and plans each query once, not on every request.
 */
class PreparedStatementSession extends PostgresJsSession<
  postgres.Sql,
  Record<string, never>,
  Record<string, never>
> {
  override prepareQuery<T extends PreparedQueryConfig = PreparedQueryConfig>(
    query: Query,
    fields: SelectedFieldsOrdered | undefined,
    name: string | undefined,
    isResponseInArrayMode: boolean,
    customResultMapper?: (rows: unknown[][]) => T["execute"],
  ) {
    return super.prepareQuery<T>(query, fields, name ?? "", isResponseInArrayMode, customResultMapper);
  }
}

export interface Database {
  sql: postgres.Sql;
  /** Connections of the pool held by a transaction, and transactions waiting for one (for /metrics). */
  pool: { max: number; inUse: number; waiting: number };
  close(): Promise<void>;
}

/** Who a transaction runs for. A null tenant sees no tenant rows and can write none (DESIGN §3.2). */
export interface Scope {
  tenantId: string | null;
  userId: string | null;
}

export const appRole = "steward_app";
/** The benchmark aggregation job's role (issue 9 §4): reads the pool's councils, writes only the snapshots. */
export const benchmarkRole = "steward_benchmark";

const dialect = new PgDialect({ casing: "snake_case" });

export function connectDatabase(
  url: string,
  options: {
    max?: number;
    /** Sees every statement and its parameters as sent: for tests and benchmarks that inspect the wire. */
    onQuery?: (query: string, parameters: unknown[]) => void;
  } = {},
): Database {
  const onQuery = options.onQuery;
  const sql = postgres(url, {
    max: options.max ?? 20,
    onnotice: () => {},
    connection: { application_name: "steward" },
    ...(onQuery
      ? { debug: (_connection: number, query: string, parameters: unknown[]) => onQuery(query, parameters) }
      : {}),
  });
  // drizzle() configures the pool's type parsers the way drizzle's mappers expect; queries go through inTransaction.
  drizzle(sql, { casing: "snake_case" });
  return {
    sql,
    pool: { max: options.max ?? 20, inUse: 0, waiting: 0 },
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * A query whose SQL is built once, with `sql.placeholder()`s for its values, and run on the transaction it is
 * given. Building a drizzle query's SQL text on every request was a tenth of the app's CPU a request
 * (docs/benchmarks.md); built once, each call only fills the placeholders. The statement belongs to no
 * connection: each call sends it on the transaction's own, as the same named statement. A flat selection's rows
 * are mapped by a mapper made once for its columns (`flatRowMapper`); any other goes through drizzle's.
 */
export function builtOnce<T extends PreparedQueryConfig>(
  build: (db: PostgresJsDatabase) => { prepare(name: string): PgPreparedQuery<T> },
): (tx: Tx, values: Record<string, unknown>) => Promise<T["execute"]> {
  let built: { query: PgPreparedQuery<T>; mapRow: RowMapper | null } | null = null;
  return async (tx, values) => {
    if (!built) {
      const query = build(
        new PostgresJsDatabase(
          dialect,
          new PreparedStatementSession(null as never, dialect, undefined),
          undefined,
        ),
      ).prepare("");
      built = { query, mapRow: flatRowMapper(statementOf(query)) };
    }
    const { query, mapRow } = built;
    if (!mapRow) {
      // drizzle's prepared query reads its connection from `client`; the copy differs from it in that alone.
      const bound: PgPreparedQuery<T> = Object.assign(Object.create(query), { client: tx.$client });
      return bound.execute(values);
    }
    const { queryString, params } = statementOf(query);
    const parameters = fillPlaceholders(params, values) as postgres.ParameterOrJSON<never>[];
    const rows = await tx.$client.unsafe(queryString, parameters, { prepare: true }).values();
    return rows.map(mapRow) as T["execute"];
  };
}

/** What builtOnce reads of drizzle's prepared query (its fields, in the order of the statement's columns). */
interface BuiltStatement {
  queryString: string;
  params: unknown[];
  fields: SelectedFieldsOrdered | undefined;
}

function statementOf(query: PgPreparedQuery<PreparedQueryConfig>): BuiltStatement {
  return query as unknown as BuiltStatement;
}

type RowMapper = (row: readonly unknown[]) => Record<string, unknown>;

/**
 * A row mapper for a statement whose every selected field is a top-level key (no nested table objects, whose
 * null-on-outer-join rule stays drizzle's): each column decoded as drizzle decodes it, with nothing worked out
 * again for each row. Null for any other statement.
 */
function flatRowMapper({ fields }: BuiltStatement): RowMapper | null {
  if (!fields || fields.some(({ path }) => path.length !== 1)) return null;
  const columns = fields.map(({ path, field }) => ({ key: path[0] as string, decoder: decoderOf(field) }));
  return (row) => {
    const mapped: Record<string, unknown> = {};
    for (let index = 0; index < columns.length; index += 1) {
      const { key, decoder } = columns[index] as (typeof columns)[number];
      const value = row[index];
      mapped[key] = value === null ? null : decoder.mapFromDriverValue(value);
    }
    return mapped;
  };
}

/** The decoder drizzle's own mapper uses for a selected field (an SQL's is internal to drizzle's types). */
function decoderOf(field: SelectedFieldsOrdered[number]["field"]): DriverValueDecoder<unknown, unknown> {
  if (is(field, Column)) return field;
  const decoded = (sqlOf: unknown) => (sqlOf as { decoder: DriverValueDecoder<unknown, unknown> }).decoder;
  if (is(field, SQL)) return decoded(field);
  if (is(field, Subquery)) return decoded(field._.sql);
  return decoded((field as SQL.Aliased).sql);
}

/**
 * A read of the obligations engine's facts (DESIGN §4), for the whole council or for listed contracts
 * (`contractIds`): one statement built once for each (`builtOnce`); `ofListed(column)` limits the listed one to
 * the contracts given, as one array parameter, so the statement is the same for any list.
 */
export function factStatement<T extends PreparedQueryConfig>(
  build: (
    db: PostgresJsDatabase,
    ofListed: (contractColumn: AnyColumn) => SQL | undefined,
  ) => { prepare(name: string): PgPreparedQuery<T> },
): (
  tx: Tx,
  values: { contractIds?: readonly string[] | undefined } & Record<string, unknown>,
) => Promise<T["execute"]> {
  const council = builtOnce((db) => build(db, () => undefined));
  const listed = builtOnce((db) =>
    build(db, (column) => sqlText`${column} = any(${sqlText.placeholder("contractIds")}::uuid[])`),
  );
  return (tx, values) => (values.contractIds ? listed : council)(tx, values);
}

/** Readiness: the pool hands out a connection and the server answers. */
export async function pingDatabase(database: Database): Promise<void> {
  await database.sql`select 1`;
}

/**
 * Runs `work` in one transaction as the app role with the tenant set by SET LOCAL (DESIGN §3.3–3.4):
 * nothing survives the transaction on the pooled connection. BEGIN and the settings go out as one
 * statement without waiting for their reply, so they travel with the first query: a read costs two
 * round trips (that batch, then COMMIT). The connection runs them in order.
 */
export async function inTransaction<T>(
  database: Database,
  scope: Scope,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const opening = `begin; set local role ${appRole}; ${scopeStatements(scope).join("; ")}`;
  database.pool.waiting += 1;
  const connection = await database.sql.reserve().finally(() => {
    database.pool.waiting -= 1;
  });
  database.pool.inUse += 1;
  try {
    const opened = connection.unsafe(opening).execute();
    // The session drizzle's own db.transaction() builds around a transaction's connection (postgres.js
    // types that connection apart from Sql, though drizzle uses it as one).
    const client = connection as unknown as postgres.Sql;
    const db = new PostgresJsDatabase(
      dialect,
      new PreparedStatementSession(client, dialect, undefined),
      undefined,
    );
    const [result] = await Promise.all([work(Object.assign(db, { $client: client })), opened]);
    await connection.unsafe("commit");
    return result;
  } catch (error) {
    await connection.unsafe("rollback").catch(() => {});
    throw error;
  } finally {
    connection.release();
    database.pool.inUse -= 1;
  }
}

/**
 * Narrows the scope inside a running transaction: a user's own memberships once the session is known,
 * or the council of an invitation link. Still one transaction, still one tenant.
 */
export async function applyScope(tx: Tx, scope: Partial<Scope>): Promise<void> {
  await tx.execute(scopeStatements(scope).join("; "));
}

function scopeStatements({ tenantId, userId }: Partial<Scope>): string[] {
  // SET takes no bind parameters, so the ids are checked strictly before they are spliced in.
  for (const value of [tenantId, userId]) {
    if (value && !isUuid(value)) throw new Error(`Not a UUID: ${JSON.stringify(value)}`);
  }
  return [
    tenantId ? `set local app.tenant_id = '${tenantId}'` : "",
    userId ? `set local app.user_id = '${userId}'` : "",
  ].filter(Boolean);
}

/**
 * The benchmark aggregation job's transaction (issue 9 §4): as its own role, never the app role, with no tenant
 * set. It reads only the councils in the pool (one read-only policy per source table) and writes only the
 * snapshot tables, which hold no tenant id.
 */
export async function inBenchmarkTransaction<T>(
  database: Database,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return database.sql.begin(async (connection) => {
    await connection.unsafe(`set local role ${benchmarkRole}`);
    const client = connection as unknown as postgres.Sql;
    const db = new PostgresJsDatabase(
      dialect,
      new PreparedStatementSession(client, dialect, undefined),
      undefined,
    );
    return work(Object.assign(db, { $client: client }));
  }) as Promise<T>;
}

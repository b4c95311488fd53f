import { type AnyColumn, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/** PostgreSQL's limit of bind parameters in one statement (the wire protocol counts them in 16 bits). */
const maxBindParameters = 65_534;

/**
 * A multi-row insert split into statements under the bind-parameter limit: each row takes at most one
 * parameter per column of the table.
 */
export function insertBatches<T>(table: PgTable, rows: T[]): T[][] {
  const size = Math.floor(maxBindParameters / Object.keys(getTableColumns(table)).length);
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}

/** `column = any($1)`: a list of any length sent as one array parameter, not one parameter a value. */
export function equalsAny(column: AnyColumn | SQL, values: string[]): SQL {
  return sql`${column} = any(${sql.param(values)}::text[])`;
}

/**
 * `column = any($1::uuid[])`: ids of any number as one array parameter. drizzle's `inArray` sends one bind
 * parameter an id, and with hundreds of ids the statement costs far more than the rows it reads (the board's
 * 800 flagged contracts: 750 ms with `inArray`, 36 ms with this).
 */
export function idIn(column: AnyColumn, ids: readonly string[]): SQL {
  return sql`${column} = any(${sql.param(ids)}::uuid[])`;
}

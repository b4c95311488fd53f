import { newId } from "@steward/domain";
import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** Shared column helpers: every table gets its ids, tenant key and timestamps from here. */
export const id = () =>
  uuid()
    .notNull()
    .$defaultFn(() => newId());
export const tenantId = () => uuid().notNull();
export const createdAt = () => timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow();
/** DESIGN §3.9: an update names the version it read and gets CONFLICT if it changed. */
export const version = () => integer().notNull().default(1);

/**
 * A text column holds one of the domain's values (the `enum` of its `text()` types it; this makes PostgreSQL
 * refuse anything else too). Adding a value to the domain's list changes the check in the next migration.
 */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ");
  return check(name, sql`${column} in (${sql.raw(list)})`);
}

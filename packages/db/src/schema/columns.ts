import { newId } from "@steward/domain";
import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

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

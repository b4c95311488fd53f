import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** Applies the committed migrations as the owner role; an advisory lock keeps two starting servers apart. */
export async function runMigrations(ownerUrl: string): Promise<void> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(hashtext('steward:migrations'))`;
    await migrate(drizzle(sql, { casing: "snake_case" }), { migrationsFolder });
    await sql`select pg_advisory_unlock(hashtext('steward:migrations'))`;
  } finally {
    await sql.end();
  }
}

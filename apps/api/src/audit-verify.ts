/** `npm run audit:verify`: walks every council's audit chain and reports any edited, removed or reordered event. */
import { inTransaction, listAllTenants, verifyAuditChain } from "@steward/db";
import { openDatabase } from "./database-boot.ts";
import { parseEnv } from "./env.ts";
import { createLogger } from "./logger.ts";

const env = parseEnv();
const { database, close } = await openDatabase(env, createLogger("warn"));
let broken = 0;
try {
  const tenants = await inTransaction(database, { tenantId: null, userId: null }, listAllTenants);
  for (const tenant of tenants) {
    const result = await inTransaction(database, { tenantId: tenant.id, userId: null }, (tx) =>
      verifyAuditChain(tx, { tenantId: tenant.id }),
    );
    console.log(`${result.ok ? "intact " : "BROKEN "} ${tenant.name}: ${result.checked} events`);
    for (const problem of result.problems) console.log(`    event ${problem.seq}: ${problem.problem}`);
    if (!result.ok) broken += 1;
  }
} finally {
  await close();
}
process.exit(broken === 0 ? 0 : 1);

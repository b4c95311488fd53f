import { readFileSync } from "node:fs";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { parseRegisterCsv } from "@steward/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, refusal } from "../testing.ts";

const realExtract = readFileSync(
  new URL("../../../../fixtures/registers/uk_la_contracts_contractsfinder_ocds_2025.csv", import.meta.url),
  "utf8",
);

let test: TestDatabase;
let council: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
  council = await createTenantFixture(test);
});
afterAll(() => test.close());

const manager = () =>
  callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId }).then(
    ({ caller }) => caller,
  );

describe("register import", () => {
  it("previews the real extract with its real problems and writes nothing", async () => {
    const caller = await manager();
    const preview = await caller.register.previewImport({ csv: realExtract });
    expect(preview.rowCount).toBe(81);
    expect(preview.validCount).toBe(48);
    expect(preview.problemRowCount).toBe(33);
    expect(preview.problems.some((problem) => /reference/i.test(problem.message))).toBe(true);
    expect(
      preview.warnings
        .filter((warning) => /is 0 — left blank/.test(warning.message))
        .map((warning) => warning.rowNumber),
    ).toEqual(expect.arrayContaining([4, 11, 81]));
    expect(preview.mapping[preview.header.indexOf("supplier_name")]).toBe("supplierName");
    expect((await caller.contracts.list({})).total).toBe(0);
  });

  it("refuses to import while rows have problems, then imports the good rows when told to skip the rest", async () => {
    const caller = await manager();
    const refused = await refusal(caller.register.commitImport({ csv: realExtract }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect((await caller.contracts.list({})).total).toBe(0);

    const result = await caller.register.commitImport({
      csv: realExtract,
      skipProblemRows: true,
      fileName: "extract.csv",
    });
    expect(result).toMatchObject({ created: 48, skipped: 33 });
    const register = await caller.contracts.list({ pageSize: 100 });
    expect(register.total).toBe(48);
    // Mojibake in the real file (row 50: "Â£178,542") is cleaned on the way in.
    const pages = await Promise.all(register.rows.map((row) => caller.contracts.get({ contractId: row.id })));
    const descriptions = pages.map((page) => page.contract.description ?? "");
    expect(descriptions.some((text) => text.includes("£178,542"))).toBe(true);
    expect(descriptions.some((text) => text.includes("Â£"))).toBe(false);
    expect(register.rows.every((row) => row.supplierName)).toBe(true);
    const history = await caller.contracts.history({ contractId: register.rows[0]?.id ?? "" });
    expect(history[0]).toMatchObject({ action: "contract.imported", after: { fileName: "extract.csv" } });
  });

  it("reports references already in the register as problems on a second import", async () => {
    const caller = await manager();
    const preview = await caller.register.previewImport({ csv: realExtract });
    expect(preview.validCount).toBe(0);
    expect(
      preview.problems.filter((problem) => /already in the register/.test(problem.message)),
    ).toHaveLength(48);
  });

  it("imports with the user's mapping and writes nothing when any row fails", async () => {
    const caller = await manager();
    const csv = "Ref,Column B,Value\r\nMAP-1,Library cleaning,12000\r\nMAP-2,,5000\r\n";
    const parsed = parseRegisterCsv(csv);
    expect(parsed.mapping).toEqual(["reference", null, "totalValueMinor"]);
    const mapping = ["reference", "title", "totalValueMinor"] as const;
    const preview = await caller.register.previewImport({ csv, mapping: [...mapping] });
    expect(preview.problems.map((problem) => problem.rowNumber)).toEqual([3]);
    expect((await refusal(caller.register.commitImport({ csv, mapping: [...mapping] }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await caller.contracts.list({ search: "MAP-" })).total).toBe(0);
    const fixed = "Ref,Column B,Value\r\nMAP-1,Library cleaning,12000\r\nMAP-2,Pool cleaning,5000\r\n";
    expect(await caller.register.commitImport({ csv: fixed, mapping: [...mapping] })).toMatchObject({
      created: 2,
    });
    const [row] = (await caller.contracts.list({ search: "MAP-1" })).rows;
    expect(row).toMatchObject({ title: "Library cleaning", totalValueMinor: 1_200_000, tier: "medium" });
  });

  it("exports the filtered register as CSV that imports back", async () => {
    const caller = await manager();
    const exported = await caller.register.exportCsv({ search: "MAP-" });
    expect(exported.count).toBe(2);
    const parsed = parseRegisterCsv(exported.csv);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.mapping.slice(0, 3)).toEqual(["reference", "title", "description"]);
    const renamed = exported.csv.replaceAll("MAP-", "COPY-");
    expect(await caller.register.commitImport({ csv: renamed })).toMatchObject({ created: 2, skipped: 0 });
  });

  it("lets only importing roles import", async () => {
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect((await refusal(viewer.register.previewImport({ csv: realExtract }))).code).toBe("FORBIDDEN");
  });
});

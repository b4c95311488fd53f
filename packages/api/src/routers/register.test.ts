import { readFileSync } from "node:fs";
import { addMembership, inTransaction } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { newId, parseCsv, parseRegisterCsv } from "@steward/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, refusal } from "../testing.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/registers/${name}`, import.meta.url), "utf8");
const realExtract = fixture("uk_la_contracts_contractsfinder_ocds_2025.csv");
const messyRegister = fixture("messy-register.csv");

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

/** A council with this name, and its contract manager's caller (one fresh council per test). */
async function councilNamed(name: string) {
  const council = await createTenantFixture(test);
  await test.owner`update tenants set name = ${name} where id = ${council.tenantId}`;
  const { caller } = await callerFor(test, {
    userId: council.users.contract_manager,
    tenantId: council.tenantId,
  });
  return { council, caller };
}

/** Adds a member with a known name and e-mail (the messy register names them); one user for every council. */
async function addMember(council: TenantFixture, name: string, email: string) {
  const [existing] = await test.owner<{ id: string }[]>`select id from users where email = ${email}`;
  const userId = existing?.id ?? newId();
  if (!existing) await test.owner`insert into users (id, email, name) values (${userId}, ${email}, ${name})`;
  await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
    addMembership(tx, { tenantId: council.tenantId, userId, role: "contract_manager" }),
  );
  return userId;
}

const messages = (issues: { message: string }[]) => issues.map((issue) => issue.message);

describe("the real Contracts Finder extract", () => {
  it("imports this council's rows and reports every other council's row by name", async () => {
    const { caller } = await councilNamed("City of Doncaster Council");
    const preview = await caller.register.previewImport({ csv: realExtract });
    expect(preview.rowCount).toBe(81);
    expect(preview.mapping[preview.header.indexOf("buyer_local_authority")]).toBe("buyer");
    expect(preview.validCount).toBe(6);
    expect(preview.newCount).toBe(6);
    expect(preview.problemRowCount).toBe(75);
    expect(messages(preview.problems)).toContain(
      `Row 2: this is London Borough of Merton's contract, not City of Doncaster Council's — remove the row (import it into London Borough of Merton's register), or set the buying council column to "Not imported" if the file is yours.`,
    );
    expect(preview.notImported.map((column) => column.name)).toEqual([
      "supplier_party_id",
      "review_date",
      "tender_estimated_value",
      "tender_suitable_for_sme",
      "tender_suitable_for_vcse",
      "procurement_method",
      "cpv_description",
      "award_status",
      "release_tag",
      "ocid",
      "release_id",
      "release_date",
      "source_file",
    ]);
    expect((await caller.contracts.list({})).total).toBe(0);

    const refused = await refusal(caller.register.commitImport({ csv: realExtract }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect((await caller.contracts.list({})).total).toBe(0);

    const result = await caller.register.commitImport({
      csv: realExtract,
      skipProblemRows: true,
      fileName: "extract.csv",
    });
    expect(result).toMatchObject({ created: 6, updated: 0, skipped: 75 });
    const register = await caller.contracts.list({ pageSize: 100 });
    expect(register.rows.map((row) => row.reference).sort()).toEqual(
      [
        "20250123161033-104514",
        "20250123171045-104514",
        "20250311121032-104514",
        "20250311121039-104514",
        "20250311124002-104514",
        "20250311131006-104514",
      ].sort(),
    );
    expect(register.rows.every((row) => row.supplierName)).toBe(true);
    const history = await caller.contracts.history({ contractId: register.rows[0]?.id ?? "" });
    expect(history[0]).toMatchObject({ action: "contract.imported", after: { fileName: "extract.csv" } });
  });

  it("imports every row when the person sets the buying council column to not imported", async () => {
    const { caller } = await councilNamed("Steward test council");
    const parsed = parseRegisterCsv(realExtract);
    const mapping = parsed.mapping.map((field) => (field === "buyer" ? null : field));
    const preview = await caller.register.previewImport({ csv: realExtract, mapping });
    expect(preview.notImported[0]).toEqual({ column: "A", name: "buyer_local_authority" });
    expect(preview.validCount).toBe(48);
    expect(preview.problemRowCount).toBe(33);
    // Mojibake in the real file (row 50: "Â£178,542") is cleaned on the way in.
    await caller.register.commitImport({ csv: realExtract, mapping, skipProblemRows: true });
    const register = await caller.contracts.list({ pageSize: 100 });
    const pages = await Promise.all(register.rows.map((row) => caller.contracts.get({ contractId: row.id })));
    const descriptions = pages.map((page) => page.contract.description ?? "");
    expect(descriptions.some((text) => text.includes("£178,542"))).toBe(true);
    expect(descriptions.some((text) => text.includes("Â£"))).toBe(false);
  });
});

describe("a messy register (fixtures/registers/messy-register.csv)", () => {
  async function messyCouncil() {
    const { council, caller } = await councilNamed("Oadby and Wigston Borough Council");
    const fiona = await addMember(council, "Fiona Reid", `fiona.reid@oadby-wigston.gov.uk`);
    const sam = await addMember(council, "Sam Patel", `sam.patel@oadby-wigston.gov.uk`);
    await caller.suppliers.create({ name: "Acme Ltd", registrationNumber: "07654321" });
    await caller.contracts.create({
      reference: "MR-UPD-1",
      title: "Pest control",
      category: "services",
      currency: "GBP",
      totalValueMinor: 10_000_000,
      startDate: "2025-04-01",
      endDate: "2028-03-31",
    });
    return { council, caller, fiona, sam };
  }

  it("reports every defect, lists what it will not import, and shows what it will change", async () => {
    const { caller } = await messyCouncil();
    const preview = await caller.register.previewImport({ csv: messyRegister });
    expect(preview.rowCount).toBe(11);
    expect(preview.notImported).toEqual([
      { column: "P", name: "Review Date" },
      { column: "Q", name: "Internal notes" },
    ]);
    expect(messages(preview.problems)).toEqual([
      `Row 4: supplier "Acme Services Ltd" has registration number 07654321, which your register holds for "Acme Ltd" — correct the name or the number (or rename the supplier in Steward if it has changed its name).`,
      `Row 5: this is London Borough of Merton's contract, not Oadby and Wigston Borough Council's — remove the row (import it into London Borough of Merton's register), or set the buying council column to "Not imported" if the file is yours.`,
      "Row 6: supplier name is blank, but registration number 09999999 is given — enter the supplier's name, or clear the number.",
      "Row 9: reference MR-008 is also used on row 10 — give each contract its own reference (for example add the lot or the supplier to it).",
      "Row 10: this row repeats row 9 in every imported column — delete one of them.",
      "Row 11: start date 04/13/2025 is not a real date — dates are read day first (DD/MM/YYYY); if you mean 13 April 2025, write 13/04/2025.",
    ]);
    expect(messages(preview.warnings)).toEqual(
      expect.arrayContaining([
        "Row 2: description contained HTML — converted to plain text.",
        `Row 3: description had garbled characters, repaired ("â€™" → "’", "â€“" → "–") — check the text.`,
        "Row 3: total value £5k read as £5,000.00 — the register holds a rounded figure; enter the exact value if you have it.",
        `Row 4: contract manager "Jo Bloggs" is not a member of this council — left blank; invite them, or set it after the import.`,
        "Row 4: SME/VCSE status Yes does not say which — read as an SME; mark the supplier as a VCSE if it is one.",
        "Row 7: status is Active but the end date 31/03/2025 has passed — imported as expired; record an extension if it runs on.",
        "Row 8: total value is N/A — left blank.",
        "Row 8: procurement route Handshake is not one Steward knows — left blank; choose the route after the import.",
        "Row 8: SME/VCSE status Partnership is not SME, VCSE, SME/VCSE, yes or no — left blank.",
      ]),
    );
    expect(preview.unmatchedPeople).toEqual([
      { field: "contractManager", text: "Jo Bloggs", reason: "unmatched", rowNumbers: [4] },
    ]);
    expect(preview).toMatchObject({ newCount: 4, updateCount: 1, unchangedCount: 0, problemRowCount: 6 });
    expect(preview.updates).toEqual([
      {
        rowNumber: 12,
        reference: "MR-UPD-1",
        changes: [
          { field: "description", label: "Description", before: "blank", after: "Council housing" },
          { field: "serviceArea", label: "Service area", before: "blank", after: "Housing" },
          {
            field: "supplierId",
            label: "Supplier",
            before: "blank",
            after: "Bug Busters Ltd (new supplier)",
          },
          { field: "totalValueMinor", label: "Total value", before: "£100,000.00", after: "£120,000.00" },
          { field: "procurementRoute", label: "Procurement route", before: "blank", after: "Open procedure" },
        ],
      },
    ]);
  });

  it("imports the good rows as the file means them, and updates the contract it matches", async () => {
    const { caller, fiona, sam } = await messyCouncil();
    const result = await caller.register.commitImport({
      csv: messyRegister,
      skipProblemRows: true,
      fileName: "messy-register.csv",
    });
    expect(result).toMatchObject({ created: 4, updated: 1, skipped: 6, suppliersCreated: 5 });
    const byReference = new Map(
      (await caller.contracts.list({ pageSize: 100 })).rows.map((row) => [row.reference, row]),
    );
    expect([...byReference.keys()].sort()).toEqual(["MR-001", "MR-002", "MR-006", "MR-007", "MR-UPD-1"]);
    const page = async (reference: string) =>
      (await caller.contracts.get({ contractId: byReference.get(reference)?.id ?? "" })).contract;

    const grounds = await page("MR-001");
    expect(grounds).toMatchObject({
      description: "Parks & open spaces\n\n- mowing\n- bedding",
      procurementRoute: "restricted",
      contractManagerId: fiona,
      sroId: sam,
      startDate: "2025-04-01",
      endDate: "2028-03-31",
      totalValueMinor: 15_000_000,
      status: "active",
    });
    expect(await page("MR-002")).toMatchObject({
      description: "Operator’s fees – reviewed yearly",
      procurementRoute: "direct_award",
      contractManagerId: fiona,
      endDate: "2030-04-01",
      totalValueMinor: 500_000,
    });
    expect(await page("MR-006")).toMatchObject({
      procurementRoute: "framework",
      startDate: "2024-04-01",
      status: "expired",
    });
    expect(await page("MR-007")).toMatchObject({ procurementRoute: null, totalValueMinor: null });
    expect(await page("MR-UPD-1")).toMatchObject({ totalValueMinor: 12_000_000, serviceArea: "Housing" });

    const suppliers = new Map(
      (await caller.suppliers.list({})).rows.map((supplier) => [supplier.name, supplier]),
    );
    expect(suppliers.get("Green Spaces Ltd")).toMatchObject({ isSme: true, isVcse: false });
    expect(suppliers.get("Active Leisure Trust")).toMatchObject({
      isSme: false,
      isVcse: true,
      registrationNumber: "01123456",
    });
    expect(suppliers.get("Print Co")).toMatchObject({ isSme: true, isVcse: true });
    expect(suppliers.get("Acme Ltd")?.liveContractCount).toBe(0);
    // Live contracts per supplier: MR-006 has expired, so Print Co has none.
    expect(suppliers.get("Green Spaces Ltd")?.liveContractCount).toBe(1);
    expect(suppliers.get("Print Co")?.liveContractCount).toBe(0);

    const history = await caller.contracts.history({ contractId: byReference.get("MR-UPD-1")?.id ?? "" });
    expect(history[0]).toMatchObject({
      action: "contract.import_updated",
      before: { totalValueMinor: 10_000_000, serviceArea: null },
      after: { totalValueMinor: 12_000_000, serviceArea: "Housing" },
    });
  });
});

describe("export for auditors, and re-import", () => {
  async function registerWithContracts() {
    const { council, caller } = await councilNamed("Round Trip Council");
    const supplier = await caller.suppliers.create({
      name: "=Formula Supplies Ltd",
      registrationNumber: "01234567",
      isSme: true,
      isVcse: true,
    });
    for (const reference of ["RT-1", "RT-2"]) {
      await caller.contracts.create({
        reference,
        title: `${reference} – street cleansing £`,
        description: "-5% on renewal\nsecond line",
        category: "works",
        cpvCode: "90610000",
        serviceArea: "@Environment",
        supplierId: supplier.id,
        contractManagerId: council.users.contract_manager,
        sroId: council.users.sro,
        awardDate: "2025-03-01",
        startDate: "2025-04-01",
        endDate: "2029-03-31",
        maxExtensionDate: "2031-03-31",
        annualValueMinor: 2_500_050,
        totalValueMinor: 10_000_200,
        currency: "GBP",
        procurementRoute: "competitive_flexible",
        keyPublicService: true,
        serviceRisk: "high",
        status: "awarded",
        lifecycleStage: "mobilisation",
      });
    }
    return { council, caller };
  }

  it("exports every register field with labels, a byte-order mark and neutralised formulas", async () => {
    const { council, caller } = await registerWithContracts();
    const exported = await caller.register.exportCsv({});
    expect(exported.count).toBe(2);
    expect(exported.csv.startsWith("\uFEFF")).toBe(true);
    const [header = [], first = []] = parseCsv(exported.csv.slice(1));
    const cell = (heading: string) => first[header.indexOf(heading)];
    expect(cell("Title")).toBe("RT-1 – street cleansing £");
    expect(cell("Description")).toBe("'-5% on renewal\nsecond line");
    expect(cell("Service area")).toBe("'@Environment");
    expect(cell("Supplier name")).toBe("'=Formula Supplies Ltd");
    expect(cell("Supplier registration number")).toBe("01234567");
    expect(cell("Supplier is an SME")).toBe("Yes");
    expect(cell("Supplier is a VCSE")).toBe("Yes");
    expect(cell("Contract manager")).toBe(`contract_manager of ${council.slug}`);
    expect(cell("SRO")).toBe(`sro of ${council.slug}`);
    expect(cell("Category")).toBe("Works");
    expect(cell("Procurement route")).toBe("Competitive flexible procedure");
    expect(cell("Status")).toBe("Awarded");
    expect(cell("Lifecycle stage")).toBe("Mobilisation");
    expect(cell("Service risk")).toBe("High");
    expect(cell("Key public service")).toBe("Yes");
    expect(cell("Annual value")).toBe("25000.50");
    expect(cell("Tier")).toBe("High");
  });

  it("imports its own export back unchanged (round trip), and updates what an edited copy changes", async () => {
    const { caller } = await registerWithContracts();
    const exported = await caller.register.exportCsv({});
    const preview = await caller.register.previewImport({ csv: exported.csv });
    expect(preview.problems).toEqual([]);
    expect(preview.notImported).toEqual([{ column: expect.any(String), name: "Tier" }]);
    expect(preview).toMatchObject({ newCount: 0, updateCount: 0, unchangedCount: 2, updates: [] });
    expect((await refusal(caller.register.commitImport({ csv: exported.csv }))).code).toBe("BAD_REQUEST");

    const edited = exported.csv.replace("25000.50", "30000.00").replace("Awarded", "Active");
    const changed = await caller.register.previewImport({ csv: edited });
    expect(changed.updates).toEqual([
      {
        rowNumber: 2,
        reference: "RT-1",
        changes: [
          { field: "annualValueMinor", label: "Annual value", before: "£25,000.50", after: "£30,000.00" },
          { field: "status", label: "Status", before: "Awarded", after: "Active" },
        ],
      },
    ]);
    expect(await caller.register.commitImport({ csv: edited })).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    const again = await caller.register.previewImport({ csv: (await caller.register.exportCsv({})).csv });
    expect(again).toMatchObject({ updateCount: 0, unchangedCount: 2 });
  });

  it("imports with the user's mapping and writes nothing when any row fails", async () => {
    const { caller } = await councilNamed("Mapping Council");
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

  it("lets only importing roles import", async () => {
    const council = await createTenantFixture(test);
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect((await refusal(viewer.register.previewImport({ csv: realExtract }))).code).toBe("FORBIDDEN");
  });
});

describe("bulk edit on the register", () => {
  it("sets the manager, SRO and service area on the chosen contracts, audited, in one go", async () => {
    const { council, caller } = await councilNamed("Bulk Council");
    const ids: string[] = [];
    for (const reference of ["BE-1", "BE-2", "BE-3"]) {
      const created = await caller.contracts.create({
        reference,
        title: reference,
        category: "services",
        currency: "GBP",
      });
      ids.push(created.id);
    }
    const chosen = ids.slice(0, 2);
    // No training is required in this council, so no manager is untrained (issue 10 §6).
    expect(
      await caller.register.bulkEdit({
        contractIds: chosen,
        set: {
          contractManagerId: council.users.contract_manager,
          sroId: council.users.sro,
          serviceArea: "Waste",
        },
      }),
    ).toEqual({ updated: 2, unchanged: 0, managerWarnings: [] });
    const pages = await Promise.all(ids.map((contractId) => caller.contracts.get({ contractId })));
    expect(
      pages.map((page) => [page.contract.contractManagerId, page.contract.sroId, page.contract.serviceArea]),
    ).toEqual([
      [council.users.contract_manager, council.users.sro, "Waste"],
      [council.users.contract_manager, council.users.sro, "Waste"],
      [null, null, null],
    ]);
    const history = await caller.contracts.history({ contractId: chosen[0] ?? "" });
    expect(history[0]).toMatchObject({
      action: "contract.bulk_edited",
      before: { contractManagerId: null, sroId: null, serviceArea: null },
      after: {
        contractManagerId: council.users.contract_manager,
        sroId: council.users.sro,
        serviceArea: "Waste",
      },
    });
    // A field left out is left alone; setting what is already there changes nothing.
    expect(await caller.register.bulkEdit({ contractIds: chosen, set: { serviceArea: "Waste" } })).toEqual({
      updated: 0,
      unchanged: 2,
      managerWarnings: [],
    });
  });

  it("writes nothing when one contract or person is not this council's", async () => {
    const { council, caller } = await councilNamed("Bulk Council Two");
    const other = await createTenantFixture(test);
    const created = await caller.contracts.create({
      reference: "BE-X",
      title: "BE-X",
      category: "services",
      currency: "GBP",
    });
    const refusedPerson = await refusal(
      caller.register.bulkEdit({ contractIds: [created.id], set: { contractManagerId: other.users.admin } }),
    );
    expect(refusedPerson).toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { contractManagerId: "Choose an active member of this council." },
    });
    const refusedContract = await refusal(
      caller.register.bulkEdit({ contractIds: [created.id, newId()], set: { serviceArea: "Waste" } }),
    );
    expect(refusedContract.code).toBe("NOT_FOUND");
    expect((await caller.contracts.get({ contractId: created.id })).contract.serviceArea).toBeNull();
    expect((await refusal(caller.register.bulkEdit({ contractIds: [created.id], set: {} }))).code).toBe(
      "BAD_REQUEST",
    );
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect(
      (await refusal(viewer.register.bulkEdit({ contractIds: [created.id], set: { serviceArea: "X" } })))
        .code,
    ).toBe("FORBIDDEN");
  });
});

import {
  findSuppliersByNames,
  findSuppliersByRegistrationNumbers,
  insertContracts,
  insertSuppliers,
  listAllContracts,
  listReferencesIn,
  recordAuditMany,
} from "@steward/db";
import {
  contractFilterInput,
  type ImportableField,
  type ImportedRow,
  type ImportIssue,
  importableFieldDefinitions,
  importableFields,
  invalid,
  isStorableText,
  listInput,
  parseRegisterCsv,
  textInput,
  textLimits,
  toCsv,
  validateImport,
} from "@steward/domain";
import { z } from "zod";
import { assessedTierFields } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { type Council, permittedProcedure, router, type TenantContext } from "../init.ts";
import { rethrowDuplicateReference } from "./contracts.ts";

/** About 40,000 rows of a typical register; larger files should be split. */
const maxFileCharacters = 20_000_000;
const maxColumns = 500;

const importInput = z.object({
  csv: z
    .string({ error: "Choose a CSV file to import." })
    .min(1, "Choose a CSV file to import.")
    .max(maxFileCharacters, "The file is over 20 MB: split it into smaller files.")
    .refine(
      isStorableText,
      "The file holds control characters or broken symbols: save it again as CSV (UTF-8) and retry.",
    ),
  /** The field for each column; omitted, the suggested mapping is used. */
  mapping: listInput(
    z.enum(importableFields).nullable(),
    maxColumns,
    `A register has at most ${maxColumns} columns.`,
  ).optional(),
});

/**
 * Parses and checks a register as the preview shows it: every problem row with its reason, including
 * references already in the council's register. Writes nothing.
 */
async function checkRegister(ctx: TenantContext, council: Council, input: z.infer<typeof importInput>) {
  const parsed = parseRegisterCsv(input.csv);
  const mapping = input.mapping ?? parsed.mapping;
  if (mapping.length !== parsed.header.length) {
    throw invalid(`The mapping names ${mapping.length} columns but the file has ${parsed.header.length}.`, {
      mapping: "Map every column of the file (or ignore it).",
    });
  }
  const validation = validateImport({
    header: parsed.header,
    rows: parsed.rows,
    mapping,
    defaults: { currency: council.currency },
    headerRowNumber: parsed.headerRowNumber,
  });
  const existing = new Set(
    (
      await listReferencesIn(ctx.tx, {
        tenantId: ctx.tenantId,
        references: validation.valid.map((row) => row.reference),
      })
    ).map((reference) => reference.toLowerCase()),
  );
  const clash: ImportIssue[] = validation.valid
    .filter((row) => existing.has(row.reference.toLowerCase()))
    .map((row) => ({
      rowNumber: row.rowNumber,
      field: "reference",
      message: `Row ${row.rowNumber}: reference ${row.reference} is already in the register. Change it, or edit the existing contract instead.`,
      value: row.reference,
    }));
  const clashing = new Set(clash.map((issue) => issue.rowNumber));
  const problems = [...validation.problems, ...clash].sort((a, b) => a.rowNumber - b.rowNumber);
  const problemRows = new Set(
    problems.map((issue) => issue.rowNumber).filter((row) => row > parsed.headerRowNumber),
  );
  return {
    parsed,
    mapping,
    valid: validation.valid.filter((row) => !clashing.has(row.rowNumber)),
    problems,
    warnings: validation.warnings,
    /** Problems on the header (the mapping itself) cannot be skipped: they concern every row. */
    mappingProblems: problems.filter((issue) => issue.rowNumber <= parsed.headerRowNumber),
    problemRowCount: problemRows.size,
  };
}

/** Matches each row's supplier to the council's suppliers (registration number first, then name) or creates it. */
async function resolveSuppliers(ctx: TenantContext, rows: ImportedRow[]) {
  const numbers = [
    ...new Set(
      rows.flatMap((row) => (row.supplierRegistrationNumber ? [row.supplierRegistrationNumber] : [])),
    ),
  ];
  const names = [...new Set(rows.flatMap((row) => (row.supplierName ? [row.supplierName] : [])))];
  const [byNumber, byName] = await Promise.all([
    findSuppliersByRegistrationNumbers(ctx.tx, { tenantId: ctx.tenantId, numbers }),
    findSuppliersByNames(ctx.tx, { tenantId: ctx.tenantId, names }),
  ]);
  const numberIndex = new Map(byNumber.map((supplier) => [supplier.registrationNumber ?? "", supplier.id]));
  const nameIndex = new Map(byName.map((supplier) => [supplier.name.toLowerCase(), supplier.id]));
  const key = (row: ImportedRow) => row.supplierRegistrationNumber ?? row.supplierName?.toLowerCase() ?? "";
  const missing = new Map<string, ImportedRow>();
  for (const row of rows) {
    if (!row.supplierName && !row.supplierRegistrationNumber) continue;
    const known =
      (row.supplierRegistrationNumber && numberIndex.get(row.supplierRegistrationNumber)) ||
      (row.supplierName && nameIndex.get(row.supplierName.toLowerCase()));
    if (!known && !missing.has(key(row))) missing.set(key(row), row);
  }
  const created = await insertSuppliers(
    ctx.tx,
    [...missing.values()].map((row) => ({
      tenantId: ctx.tenantId,
      name: row.supplierName ?? row.supplierRegistrationNumber ?? "Unnamed supplier",
      registrationNumber: row.supplierRegistrationNumber,
      isSme: row.supplierIsSme ?? false,
      isVcse: row.supplierIsVcse ?? false,
    })),
  );
  for (const supplier of created) {
    if (supplier.registrationNumber) numberIndex.set(supplier.registrationNumber, supplier.id);
    nameIndex.set(supplier.name.toLowerCase(), supplier.id);
  }
  const supplierIdOf = (row: ImportedRow) =>
    (row.supplierRegistrationNumber && numberIndex.get(row.supplierRegistrationNumber)) ||
    (row.supplierName && nameIndex.get(row.supplierName.toLowerCase())) ||
    null;
  return { supplierIdOf, createdCount: created.length };
}

export const registerRouter = router({
  /** The preview: the mapping, every problem row with its reason, warnings and a sample. Writes nothing. */
  previewImport: permittedProcedure("register:import")
    .input(importInput)
    .mutation(async ({ ctx, input }) => {
      const checked = await checkRegister(ctx, await ctx.council(), input);
      return {
        header: checked.parsed.header,
        headerRowNumber: checked.parsed.headerRowNumber,
        mapping: checked.mapping,
        suggestedMapping: checked.parsed.mapping,
        rowCount: checked.parsed.rows.length,
        validCount: checked.valid.length,
        problemRowCount: checked.problemRowCount,
        problems: checked.problems,
        warnings: checked.warnings,
        sample: checked.valid.slice(0, 20),
      };
    }),

  /**
   * All or nothing (DESIGN §4): nothing is written while any row has a problem, unless the user chose to
   * skip the problem rows. One transaction: a failure part-way writes nothing.
   */
  commitImport: permittedProcedure("register:import")
    .input(
      importInput.extend({
        skipProblemRows: z.boolean().default(false),
        fileName: textInput({ max: textLimits.short }).optional(),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) =>
      once(ctx, input, "register.commitImport", async () => {
        const council = await ctx.council();
        const checked = await checkRegister(ctx, council, input);
        if (checked.mappingProblems.length > 0) {
          throw invalid(
            `The column mapping needs fixing first: ${checked.mappingProblems[0]?.message ?? ""}`,
          );
        }
        if (checked.problemRowCount > 0 && !input.skipProblemRows) {
          throw invalid(
            `${checked.problemRowCount} rows have problems. Fix them in the file, or choose to skip those rows.`,
          );
        }
        if (checked.valid.length === 0) throw invalid("There are no rows to import.");
        const { supplierIdOf, createdCount } = await resolveSuppliers(ctx, checked.valid);
        const values = checked.valid.map((row) => {
          const {
            rowNumber,
            supplierName,
            supplierRegistrationNumber,
            supplierIsSme,
            supplierIsVcse,
            ...contract
          } = row;
          return {
            ...contract,
            ...assessedTierFields(contract, council),
            tenantId: ctx.tenantId,
            supplierId: supplierIdOf(row),
            originalTotalValueMinor: contract.totalValueMinor,
            originalEndDate: contract.endDate,
          };
        });
        const created: { id: string; reference: string }[] = [];
        // Within PostgreSQL's 65,535 bind parameters per statement.
        for (let start = 0; start < values.length; start += 1000) {
          created.push(
            ...(await insertContracts(ctx.tx, values.slice(start, start + 1000)).catch(
              rethrowDuplicateReference,
            )),
          );
        }
        await recordAuditMany(
          ctx.tx,
          created.map((contract) => ({
            tenantId: ctx.tenantId,
            actorUserId: ctx.user.id,
            action: "contract.imported",
            entityType: "contract",
            entityId: contract.id,
            after: { reference: contract.reference, fileName: input.fileName ?? null },
            requestId: null,
          })),
        );
        return { created: created.length, skipped: checked.problemRowCount, suppliersCreated: createdCount };
      }),
    ),

  /** The filtered register as CSV, with headers the importer recognises, so an export imports back. */
  exportCsv: permittedProcedure("contracts:read")
    .input(contractFilterInput)
    .query(async ({ ctx, input }) => {
      const rows = await listAllContracts(ctx.tx, {
        ...input,
        search: input.search || undefined,
        tenantId: ctx.tenantId,
      });
      const fields = importableFields.filter(
        (
          field,
        ): field is Exclude<
          ImportableField,
          "supplierRegistrationNumber" | "supplierIsSme" | "supplierIsVcse"
        > =>
          field !== "supplierRegistrationNumber" && field !== "supplierIsSme" && field !== "supplierIsVcse",
      );
      const header = [
        ...fields.map((field) => importableFieldDefinitions[field].label),
        "Tier",
        "Contract manager",
      ];
      const pounds = (minor: number | null) => (minor === null ? "" : (minor / 100).toFixed(2));
      const body = rows.map(({ contract, supplierName, contractManagerName }) => [
        ...fields.map((field) => {
          if (field === "supplierName") return supplierName ?? "";
          const value = contract[field];
          if (field.endsWith("Minor")) return pounds(value as number | null);
          if (typeof value === "boolean") return value ? "Yes" : "No";
          return value === null || value === undefined ? "" : String(value);
        }),
        contract.tier,
        contractManagerName ?? "",
      ]);
      return {
        fileName: `contract-register-${new Date().toISOString().slice(0, 10)}.csv`,
        csv: toCsv([header, ...body]),
        count: rows.length,
      };
    }),
});

import {
  type ContractRow,
  findContractsByReferences,
  insertContracts,
  insertSuppliers,
  listAllContracts,
  listMembers,
  listSupplierIdentities,
  lockContracts,
  recordAuditMany,
  updateContract,
} from "@steward/db";
import {
  assessedTierFields,
  type ContractInput,
  columnsNotImported,
  conflict,
  contractFilterInput,
  type FieldChange,
  idInput,
  importableFields,
  invalid,
  isManagerCheckDue,
  isStorableText,
  listInput,
  maxExportRows,
  newSupplierId,
  notFound,
  parseRegisterCsv,
  planRegisterImport,
  registerExportCsv,
  retierFields,
  textInput,
  textLimits,
  validateImport,
} from "@steward/domain";
import { z } from "zod";
import { contractInputOf, publicContractOf, tierPolicyOf, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { type Council, permittedProcedure, router, type TenantContext } from "../init.ts";
import { checkReferences, rethrowDuplicateReference } from "./contracts.ts";
import { managerCheckerOf } from "./training.ts";

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
 * Parses and checks a register as the preview shows it: every problem row with its reason, the contracts it
 * adds, the contracts it matches by reference and what it would change on them, field by field. Writes nothing.
 */
async function checkRegister(ctx: TenantContext, council: Council, input: z.infer<typeof importInput>) {
  const parsed = parseRegisterCsv(input.csv);
  const mapping = input.mapping ?? parsed.mapping;
  if (mapping.length !== parsed.header.length) {
    throw invalid(`The mapping names ${mapping.length} columns but the file has ${parsed.header.length}.`, {
      mapping: "Map every column of the file (or ignore it).",
    });
  }
  const members = (await listMembers(ctx.tx, { tenantId: ctx.tenantId })).filter(
    (member) => member.deactivatedAt === null,
  );
  const validation = validateImport({
    header: parsed.header,
    rows: parsed.rows,
    mapping,
    defaults: { currency: council.currency, councilName: council.name, members, today: today() },
    headerRowNumber: parsed.headerRowNumber,
  });
  const [stored, knownSuppliers] = await Promise.all([
    findContractsByReferences(ctx.tx, {
      tenantId: ctx.tenantId,
      references: validation.valid.map((row) => row.reference),
    }),
    listSupplierIdentities(ctx.tx, { tenantId: ctx.tenantId }),
  ]);
  const checkManager = await managerCheckerOf(ctx);
  const policy = tierPolicyOf(council);
  const plan = planRegisterImport({
    validation,
    mapping,
    headerRowNumber: parsed.headerRowNumber,
    stored: stored.map((row) => ({
      reference: row.reference,
      archived: row.archivedAt !== null,
      values: contractInputOf(row),
      row,
    })),
    knownSuppliers,
    members,
    council,
    // Issue 10 §6, as the contract form checks it: the tier the contract would have once imported.
    managerCheck: ({ after, stored }) => {
      const retiered =
        stored === null ? assessedTierFields(after, policy) : retierFields(stored, after, policy);
      const tier = "tier" in retiered ? retiered.tier : (stored?.tier ?? null);
      const managerId = after.contractManagerId;
      return managerId !== null && isManagerCheckDue(stored, { contractManagerId: managerId, tier })
        ? checkManager(managerId, tier)
        : null;
    },
  });
  return {
    ...plan,
    parsed,
    mapping,
    warnings: validation.warnings,
    unmatchedPeople: validation.unmatchedPeople,
  };
}

/** For an audit event's `before`: what the contract held in each field the write sets. */
function valuesBefore(before: ContractInput, values: Partial<ContractInput>): Partial<ContractInput> {
  return Object.fromEntries(Object.keys(values).map((key) => [key, before[key as keyof ContractInput]]));
}

/** The people and service area a bulk edit sets; a field left out is left as it is on each contract. */
const bulkEditInput = z.object({
  contractIds: listInput(idInput, 500, "Edit at most 500 contracts at once.").min(
    1,
    "Choose at least one contract.",
  ),
  set: z
    .object({
      contractManagerId: idInput.nullable(),
      sroId: idInput.nullable(),
      serviceArea: textInput({ max: 200 }).transform((value) => value || null),
    })
    .partial()
    .refine((set) => Object.keys(set).length > 0, "Choose what to set on the contracts."),
});

/**
 * The training check of the manager a bulk edit names (issue 10 §6), on each contract it changes: where the
 * council's setting refuses any of them the whole edit is refused, with each reason and the contracts it
 * stops; otherwise the contracts that get an untrained manager are returned, to be said with the result.
 */
async function checkBulkManagers(
  ctx: TenantContext,
  changing: { contract: ContractRow; values: Partial<ContractInput> }[],
) {
  const named = changing.flatMap(({ contract, values }) => {
    const managerId = values.contractManagerId;
    return managerId && isManagerCheckDue(contract, { contractManagerId: managerId, tier: contract.tier })
      ? [{ contract, managerId }]
      : [];
  });
  if (named.length === 0) return [];
  const checkManager = await managerCheckerOf(ctx);
  const refused = new Map<string, string[]>();
  const managerWarnings: { contractId: string; reference: string; reason: string }[] = [];
  for (const { contract, managerId } of named) {
    const check = checkManager(managerId, contract.tier);
    if (check.outcome === "block")
      refused.set(check.reason, [...(refused.get(check.reason) ?? []), contract.reference]);
    else if (check.outcome === "warn") {
      managerWarnings.push({ contractId: contract.id, reference: contract.reference, reason: check.reason });
    }
  }
  if (refused.size > 0) {
    const reasons = [...refused]
      .map(([reason, references]) => `${reason} This council refuses it for ${references.join(", ")}.`)
      .join(" ");
    throw invalid(`Nothing was changed. ${reasons}`, { contractManagerId: reasons });
  }
  return managerWarnings;
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
        /** Every column the mapping leaves out, listed as "will not be imported" before the person confirms. */
        notImported: columnsNotImported(checked.parsed.header, checked.mapping),
        rowCount: checked.parsed.rows.length,
        validCount: checked.additions.length + checked.updates.length + checked.unchangedCount,
        newCount: checked.additions.length,
        updateCount: checked.updates.length,
        unchangedCount: checked.unchangedCount,
        suppliersToCreate: checked.suppliers.toCreate.length,
        problemRowCount: checked.problemRowCount,
        problems: checked.problems,
        warnings: checked.warnings,
        unmatchedPeople: checked.unmatchedPeople,
        /** Contracts the import would give a manager without current required training (issue 10 §6). */
        managerWarnings: checked.managerWarnings,
        /** The first 500 updates, field by field (updateCount says how many there are). */
        updates: checked.updates
          .slice(0, 500)
          .map(
            ({
              rowNumber,
              reference,
              changes,
            }): { rowNumber: number; reference: string; changes: FieldChange[] } => ({
              rowNumber,
              reference,
              changes,
            }),
          ),
        sample: checked.additions.slice(0, 20),
      };
    }),

  /**
   * All or nothing (DESIGN §4): nothing is written while any row has a problem, unless the user chose to
   * skip the problem rows. New references are added; references already in the register are updated where
   * the file changes them. One transaction: a failure part-way writes nothing.
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
        if (checked.additions.length === 0 && checked.updates.length === 0) {
          throw invalid(
            checked.unchangedCount > 0
              ? "Every contract in the file is already in the register as it is: there is nothing to change."
              : "There are no rows to import.",
          );
        }
        const created = await insertSuppliers(
          ctx.tx,
          checked.suppliers.toCreate.map(({ key: _, ...supplier }) => ({
            ...supplier,
            tenantId: ctx.tenantId,
          })),
        );
        const createdIds = new Map(
          checked.suppliers.toCreate.map((supplier, index) => [
            newSupplierId(supplier.key),
            created[index]?.id,
          ]),
        );
        const supplierIdOf = (rowNumber: number) => {
          const id = checked.supplierIdOf(rowNumber);
          return id === null ? null : (createdIds.get(id) ?? id);
        };

        const values = checked.additions.map((row) => {
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
            publicContract: publicContractOf(contract, council),
            ...assessedTierFields(contract, tierPolicyOf(council)),
            tenantId: ctx.tenantId,
            supplierId: supplierIdOf(rowNumber),
            originalTotalValueMinor: contract.totalValueMinor,
            originalEndDate: contract.endDate,
          };
        });
        const inserted = await insertContracts(ctx.tx, values).catch(rethrowDuplicateReference);
        await recordAuditMany(
          ctx.tx,
          inserted.map((contract) => ({
            tenantId: ctx.tenantId,
            actorUserId: ctx.user.id,
            action: "contract.imported",
            entityType: "contract",
            entityId: contract.id,
            after: { reference: contract.reference, fileName: input.fileName ?? null },
            requestId: ctx.requestId,
          })),
        );

        for (const update of checked.updates) {
          const values: Partial<ContractInput> = { ...update.values };
          if (values.supplierId !== undefined && values.supplierId !== null) {
            values.supplierId = supplierIdOf(update.rowNumber);
          }
          const before = contractInputOf(update.stored);
          const after = { ...before, ...values };
          const { publicContract, ...others } = values;
          const updated = await updateContract(ctx.tx, {
            tenantId: ctx.tenantId,
            contractId: update.stored.id,
            version: update.stored.version,
            values: {
              ...others,
              // A blank public-contract cell sets it, as on the form, from the value against the threshold.
              ...(publicContract === undefined ? {} : { publicContract: publicContractOf(after, council) }),
              ...retierFields(update.stored, after, tierPolicyOf(council)),
            },
          });
          if (!updated) {
            throw conflict(
              `Someone changed contract ${update.reference} while the file was being imported. Preview the file again.`,
            );
          }
          await ctx.audit({
            action: "contract.import_updated",
            entityType: "contract",
            entityId: updated.id,
            before: valuesBefore(before, values),
            after: values,
          });
        }
        return {
          created: inserted.length,
          updated: checked.updates.length,
          unchanged: checked.unchangedCount,
          skipped: checked.problemRowCount,
          suppliersCreated: created.length,
          managerWarnings: checked.managerWarnings,
        };
      }),
    ),

  /**
   * Sets the contract manager, SRO or service area on many contracts at once, for what a register file did not
   * have. One transaction: the contracts are locked, every one is checked, and each gets an audit event.
   */
  bulkEdit: permittedProcedure("contracts:write")
    .input(bulkEditInput)
    .mutation(async ({ ctx, input }) => {
      const ids = [...new Set(input.contractIds)];
      const locked = await lockContracts(ctx.tx, { tenantId: ctx.tenantId, contractIds: ids });
      if (locked.length !== ids.length) throw notFound("One of those contracts");
      await checkReferences(ctx, input.set);
      const archived = locked.filter((contract) => contract.archivedAt !== null);
      if (archived.length > 0) {
        throw invalid(
          `${archived.map((contract) => contract.reference).join(", ")} ${archived.length === 1 ? "is" : "are"} archived: restore ${archived.length === 1 ? "it" : "them"} first, or leave ${archived.length === 1 ? "it" : "them"} out.`,
        );
      }
      const changing = locked.flatMap((contract) => {
        const before = contractInputOf(contract);
        const values = Object.fromEntries(
          Object.entries(input.set).filter(([key, value]) => before[key as keyof ContractInput] !== value),
        ) as Partial<Omit<ContractInput, "publicContract">>;
        return Object.keys(values).length === 0 ? [] : [{ contract, before, values }];
      });
      const managerWarnings = await checkBulkManagers(ctx, changing);
      for (const { contract, before, values } of changing) {
        await updateContract(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: contract.id,
          version: contract.version,
          values,
        });
        await ctx.audit({
          action: "contract.bulk_edited",
          entityType: "contract",
          entityId: contract.id,
          before: valuesBefore(before, values),
          after: values,
        });
      }
      return { updated: changing.length, unchanged: locked.length - changing.length, managerWarnings };
    }),

  /**
   * The filtered register as CSV, as a council sends it to its auditors: every register field, labels not
   * codes, and an export that imports back unchanged (registerExportCsv).
   */
  exportCsv: permittedProcedure("contracts:read")
    .input(contractFilterInput)
    .query(async ({ ctx, input }) => {
      // One more than an export holds, so the export can say the filter must narrow.
      const rows = await listAllContracts(ctx.tx, {
        ...input,
        search: input.search || undefined,
        tenantId: ctx.tenantId,
        limit: maxExportRows + 1,
      });
      return {
        fileName: `contract-register-${today()}.csv`,
        csv: registerExportCsv(
          rows.map((row) => ({
            contract: {
              ...contractInputOf(row.contract),
              tier: row.contract.tier,
            },
            supplier:
              row.supplierName === null
                ? null
                : {
                    name: row.supplierName,
                    registrationNumber: row.supplierRegistrationNumber,
                    isSme: row.supplierIsSme ?? false,
                    isVcse: row.supplierIsVcse ?? false,
                  },
            contractManagerName: row.contractManagerName,
            sroName: row.sroName,
          })),
        ),
        count: rows.length,
      };
    }),
});

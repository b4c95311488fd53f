import {
  type ChangeRow,
  type ContractRow,
  getChange,
  getSupplier,
  insertChange,
  listChanges,
  updateChange,
  updateContract,
} from "@steward/db";
import {
  applyChange,
  approverFor,
  canWithdraw,
  changeDeltaInput,
  changeRequestInput,
  changeTest,
  changeTypes,
  conflict,
  decisionCheck,
  forbidden,
  idInput,
  invalid,
  listInput,
  maxTermOnAwardDays,
  notFound,
  type RelatedChange,
  relatedChangesLimit,
  retierFields,
  roleLabels,
  section116Outstanding,
  section116StepsInput,
  textInput,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { contractInputOf, loadContract, tierPolicyOf, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { type Council, permittedProcedure, router, type TenantContext } from "../init.ts";

const contractRef = z.object({ contractId: idInput });
const decision = z.object({
  changeId: idInput,
  version: versionInput,
  note: textInput({ max: 2000 }).optional(),
});
const draft = contractRef.extend({
  ...changeDeltaInput.shape,
  type: z.enum(changeTypes, { error: "Choose the type of change." }).default("value"),
  relatedChangeIds: listInput(idInput, relatedChangesLimit).default([]),
});

/**
 * The change test of the council's rule pack (PA23 s.74–75 or MFMA s.116(3)) for a change being drafted or
 * requested. The earlier changes named under s.75(4) must be this contract's approved changes.
 */
async function changeTestFor(ctx: TenantContext, contract: ContractRow, proposed: z.infer<typeof draft>) {
  const council = await ctx.council();
  const changes = await listChanges(ctx.tx, { tenantId: ctx.tenantId, contractId: contract.id });
  // listChanges is oldest first, so together the changes are measured from the value before the earliest.
  const named = new Set(proposed.relatedChangeIds);
  const related: RelatedChange[] = changes
    .filter(({ change }) => named.has(change.id) && change.status === "approved")
    .map(({ change }) => ({ ...change, valueBeforeMinor: change.appliedFrom?.totalValueMinor ?? null }));
  if (related.length !== named.size) {
    throw invalid("Some answers need correcting: see the marked fields.", {
      "change.relatedChangeIds": "Name only this contract's approved changes.",
    });
  }
  return changeTest({
    jurisdiction: council.jurisdiction,
    contract: {
      category: contract.category,
      lightTouch: contract.lightTouch,
      publicContract: contract.publicContract,
      totalValueMinor: contract.totalValueMinor,
      maxTermOnAwardDays: maxTermOnAwardDays(contract),
    },
    proposed,
    related,
    today: today(),
  });
}

function approvalFor(council: Council, valueDeltaMinor: number) {
  const role = approverFor(valueDeltaMinor, council.settings.delegation);
  return { role, label: role ? roleLabels[role] : "Council admin" };
}

/** Whether the signed-in member may approve or reject a change, and if not why (004 §5, MFMA s.116(3)). */
async function checkDecision(
  ctx: TenantContext,
  change: ChangeRow,
  contract: ContractRow,
  decision: "approve" | "reject",
) {
  const council = await ctx.council();
  return decisionCheck({
    decision,
    member: { role: ctx.role, userId: ctx.user.id },
    change,
    contract,
    delegation: council.settings.delegation,
    jurisdiction: council.jurisdiction,
    today: today(),
  });
}

async function loadChange(ctx: TenantContext, changeId: string) {
  const change = await getChange(ctx.tx, { tenantId: ctx.tenantId, changeId });
  if (!change) throw notFound("That change");
  return change;
}

export const changesRouter = router({
  list: permittedProcedure("contracts:read")
    .input(contractRef)
    .query(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      const council = await ctx.council();
      const rows = await listChanges(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId });
      return Promise.all(
        rows.map(async ({ change, requestedByName, decidedByName, newSupplierName }) => {
          const waiting = change.status === "requested";
          const approval = await checkDecision(ctx, change, contract, "approve");
          return {
            ...change,
            requestedByName,
            decidedByName,
            newSupplierName,
            approver: approvalFor(council, change.valueDeltaMinor),
            /** MFMA s.116(3): the steps still to take before a South African council may approve. */
            section116Outstanding:
              waiting && council.jurisdiction === "ZA" ? section116Outstanding(change, today()) : [],
            canApprove: waiting && approval.allowed,
            /** Why this member may not approve it, for a member who approves changes. */
            approvalRefusal: waiting && !approval.allowed ? approval.message : null,
            canReject: waiting && (await checkDecision(ctx, change, contract, "reject")).allowed,
            canWithdraw: waiting && canWithdraw({ role: ctx.role, userId: ctx.user.id }, change.requestedBy),
          };
        }),
      );
    }),

  /** The change test and the approver for a change being drafted, before it is requested. */
  preview: permittedProcedure("contracts:read")
    .input(draft)
    .query(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      const test = await changeTestFor(ctx, contract, input);
      return { test, approver: approvalFor(await ctx.council(), input.valueDeltaMinor) };
    }),

  request: permittedProcedure("changes:request")
    .input(contractRef.extend({ change: changeRequestInput, idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "changes.request", async () => {
        const contract = await loadContract(ctx, input.contractId);
        if (contract.archivedAt)
          throw conflict("This contract is archived: restore it before recording a change.");
        const { newSupplierId } = input.change;
        if (newSupplierId !== null) {
          const supplier = await getSupplier(ctx.tx, { tenantId: ctx.tenantId, supplierId: newSupplierId });
          if (!supplier || newSupplierId === contract.supplierId) {
            throw invalid("Some answers need correcting: see the marked fields.", {
              "change.newSupplierId": supplier
                ? "Choose the supplier taking over, not the current one."
                : "Choose one of this council's suppliers.",
            });
          }
        }
        const test = await changeTestFor(ctx, contract, { contractId: contract.id, ...input.change });
        const change = await insertChange(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: contract.id,
          ...input.change,
          thresholdTest: test,
          changeNoticeRequired: test.noticeRequired,
          requestedBy: ctx.user.id,
        });
        await ctx.audit({
          action: "change.requested",
          entityType: "contract",
          entityId: contract.id,
          after: { ...input.change, id: change.id, changeNoticeRequired: change.changeNoticeRequired },
        });
        return { id: change.id, test };
      }),
    ),

  /**
   * MFMA s.116(3): a South African council records the tabling of the reasons in the council (date and
   * resolution) and the notice to the local community (date, and when representations close).
   */
  recordSection116Steps: permittedProcedure("changes:request")
    .input(decision.omit({ note: true }).extend({ steps: section116StepsInput }))
    .mutation(async ({ ctx, input }) => {
      const change = await loadChange(ctx, input.changeId);
      if ((await ctx.council()).jurisdiction !== "ZA") {
        throw forbidden("These steps are the MFMA's; this council's changes follow the Procurement Act.");
      }
      if (change.status !== "requested") throw conflict(`This change was already ${change.status}.`);
      const updated = await updateChange(ctx.tx, {
        tenantId: ctx.tenantId,
        changeId: change.id,
        version: input.version,
        values: input.steps,
      });
      if (!updated) throw conflict("Someone else updated this change meanwhile. Reload to see it.");
      const stepsOf = (row: ChangeRow) => ({
        changeId: row.id,
        councilTabledOn: row.councilTabledOn,
        councilResolutionReference: row.councilResolutionReference,
        communityNoticeOn: row.communityNoticeOn,
        representationsCloseOn: row.representationsCloseOn,
      });
      await ctx.audit({
        action: "change.section_116_recorded",
        entityType: "contract",
        entityId: change.contractId,
        before: stepsOf(change),
        after: stepsOf(updated),
      });
      return { version: updated.version, outstanding: section116Outstanding(updated, today()) };
    }),

  /**
   * Approval (004 §5, §12.1): by someone other than the requester, under the scheme of delegation, and in
   * South Africa only after MFMA s.116(3)'s steps. An approved change updates the contract; the values as
   * awarded stay on the contract and the values just before are kept on the change.
   */
  approve: permittedProcedure("changes:approve")
    .input(decision)
    .mutation(async ({ ctx, input }) => {
      const change = await loadChange(ctx, input.changeId);
      const contract = await loadContract(ctx, change.contractId);
      const check = await checkDecision(ctx, change, contract, "approve");
      if (!check.allowed) throw forbidden(check.message);
      if (change.status !== "requested") throw conflict(`This change was already ${change.status}.`);
      const council = await ctx.council();
      const applied = applyChange(contract, change);
      const updated = await updateContract(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: contract.id,
        version: contract.version,
        values: {
          ...applied,
          ...retierFields(contract, { ...contractInputOf(contract), ...applied }, tierPolicyOf(council)),
        },
      });
      if (!updated) throw conflict("The contract changed meanwhile. Reload and try again.");
      const before = {
        endDate: contract.endDate,
        totalValueMinor: contract.totalValueMinor,
        supplierId: contract.supplierId,
      };
      const decided = await updateChange(ctx.tx, {
        tenantId: ctx.tenantId,
        changeId: change.id,
        version: input.version,
        values: {
          status: "approved",
          decidedBy: ctx.user.id,
          decidedByRole: ctx.role,
          decidedAt: new Date(),
          decisionNote: input.note ?? null,
          appliedFrom: { endDate: contract.endDate, totalValueMinor: contract.totalValueMinor },
        },
      });
      if (!decided) throw conflict("Someone else decided this change meanwhile. Reload to see it.");
      await ctx.audit({
        action: "change.approved",
        entityType: "contract",
        entityId: contract.id,
        before,
        after: { changeId: change.id, ...applied },
      });
      return { contractVersion: updated.version, retierRequested: updated.retierRequested };
    }),

  reject: permittedProcedure("changes:approve")
    .input(decision)
    .mutation(async ({ ctx, input }) => decide(ctx, input, "rejected")),

  withdraw: permittedProcedure("changes:request")
    .input(decision)
    .mutation(async ({ ctx, input }) => decide(ctx, input, "withdrawn")),
});

async function decide(ctx: TenantContext, input: z.infer<typeof decision>, status: "rejected" | "withdrawn") {
  const change = await loadChange(ctx, input.changeId);
  if (change.status !== "requested") throw conflict(`This change was already ${change.status}.`);
  if (status === "rejected") {
    const check = await checkDecision(ctx, change, await loadContract(ctx, change.contractId), "reject");
    if (!check.allowed) throw forbidden(check.message);
  }
  if (status === "withdrawn" && !canWithdraw({ role: ctx.role, userId: ctx.user.id }, change.requestedBy)) {
    throw forbidden("Only the person who requested a change, or an admin, can withdraw it.");
  }
  const decided = await updateChange(ctx.tx, {
    tenantId: ctx.tenantId,
    changeId: change.id,
    version: input.version,
    values: {
      status,
      decidedBy: ctx.user.id,
      decidedByRole: ctx.role,
      decidedAt: new Date(),
      decisionNote: input.note ?? null,
    },
  });
  if (!decided) throw conflict("Someone else decided this change meanwhile. Reload to see it.");
  await ctx.audit({
    action: `change.${status}`,
    entityType: "contract",
    entityId: change.contractId,
    after: { changeId: change.id },
  });
  return { status };
}

import { decideChange, getChange, insertChange, listChanges, updateContract } from "@steward/db";
import {
  applyChange,
  approverFor,
  belowThresholdTest,
  canApprove,
  canWithdraw,
  changeDeltaInput,
  changeRequestInput,
  conflict,
  DomainError,
  daysBetween,
  forbidden,
  idInput,
  notFound,
  roleLabels,
  textInput,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { contractInputOf, loadContract, retierFields } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { type Council, permittedProcedure, router, type TenantContext } from "../init.ts";

const contractRef = z.object({ contractId: idInput });
const decision = z.object({
  changeId: idInput,
  version: versionInput,
  note: textInput({ max: 2000 }).optional(),
});

/**
 * Procurement Act s.74–75 (004 §12.1): would this change, with every earlier approved change, stay below the
 * threshold? Measured against the contract as awarded; when the register lacks the value or term to measure
 * against, the test cannot clear the change, so a notice is presumed needed.
 */
async function thresholdTestFor(
  ctx: TenantContext,
  contractId: string,
  proposed: { valueDeltaMinor: number; termDeltaDays: number },
) {
  const contract = await loadContract(ctx, contractId);
  const changes = await listChanges(ctx.tx, { tenantId: ctx.tenantId, contractId });
  const maxEnd = contract.maxExtensionDate ?? contract.originalEndDate ?? contract.endDate;
  try {
    return {
      contract,
      test: belowThresholdTest({
        category: contract.category,
        originalTotalValueMinor: contract.originalTotalValueMinor ?? contract.totalValueMinor ?? 0,
        originalMaxTermDays: contract.startDate && maxEnd ? daysBetween(contract.startDate, maxEnd) : 0,
        earlierApprovedChanges: changes
          .filter(({ change }) => change.status === "approved")
          .map(({ change }) => change),
        proposed,
      }),
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      contract,
      test: {
        changeNoticeRequired: true,
        withinThreshold: false,
        reasons: [error.message],
        unavailable: true,
      },
    };
  }
}

function approvalFor(council: Council, valueDeltaMinor: number) {
  const role = approverFor(valueDeltaMinor, council.settings.delegation);
  return { role, label: role ? roleLabels[role] : "Council admin" };
}

export const changesRouter = router({
  list: permittedProcedure("contracts:read")
    .input(contractRef)
    .query(async ({ ctx, input }) => {
      await loadContract(ctx, input.contractId);
      const council = await ctx.council();
      const rows = await listChanges(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId });
      return rows.map(({ change, requestedByName }) => ({
        ...change,
        requestedByName,
        approver: approvalFor(council, change.valueDeltaMinor),
        canDecide:
          change.status === "requested" &&
          canApprove(ctx.role, change.valueDeltaMinor, council.settings.delegation),
        canWithdraw:
          change.status === "requested" &&
          canWithdraw({ role: ctx.role, userId: ctx.user.id }, change.requestedBy),
      }));
    }),

  /** The below-threshold test and the approver for a change being drafted, before it is requested. */
  preview: permittedProcedure("contracts:read")
    .input(contractRef.extend(changeDeltaInput.shape))
    .query(async ({ ctx, input }) => {
      const { test } = await thresholdTestFor(ctx, input.contractId, input);
      return { test, approver: approvalFor(await ctx.council(), input.valueDeltaMinor) };
    }),

  request: permittedProcedure("changes:request")
    .input(contractRef.extend({ change: changeRequestInput, idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "changes.request", async () => {
        const { contract, test } = await thresholdTestFor(ctx, input.contractId, input.change);
        if (contract.archivedAt)
          throw conflict("This contract is archived: restore it before recording a change.");
        const change = await insertChange(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: contract.id,
          ...input.change,
          thresholdTest: test,
          changeNoticeRequired: test.changeNoticeRequired,
          requestedBy: ctx.user.id,
        });
        await ctx.audit({
          action: "change.requested",
          entityType: "contract",
          entityId: contract.id,
          after: { ...input.change, id: change.id, changeNoticeRequired: change.changeNoticeRequired },
        });
        return { id: change.id, changeNoticeRequired: change.changeNoticeRequired };
      }),
    ),

  /**
   * Approval by the scheme of delegation (004 §5). An approved change updates the contract; the values as
   * awarded stay on the contract and the values just before are kept on the change.
   */
  approve: permittedProcedure("changes:approve")
    .input(decision)
    .mutation(async ({ ctx, input }) => {
      const change = await getChange(ctx.tx, { tenantId: ctx.tenantId, changeId: input.changeId });
      if (!change) throw notFound("That change");
      const council = await ctx.council();
      if (!canApprove(ctx.role, change.valueDeltaMinor, council.settings.delegation)) {
        throw forbidden(
          `A change of this value is approved by the ${approvalFor(council, change.valueDeltaMinor).label}.`,
        );
      }
      if (change.status !== "requested") throw conflict(`This change was already ${change.status}.`);
      const contract = await loadContract(ctx, change.contractId);
      const applied = applyChange(contract, change);
      const updated = await updateContract(ctx.tx, {
        tenantId: ctx.tenantId,
        contractId: contract.id,
        version: contract.version,
        values: {
          ...applied,
          ...retierFields(contract, { ...contractInputOf(contract), ...applied }, council),
        },
      });
      if (!updated) throw conflict("The contract changed meanwhile. Reload and try again.");
      const decided = await decideChange(ctx.tx, {
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
        before: { endDate: contract.endDate, totalValueMinor: contract.totalValueMinor },
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
  const change = await getChange(ctx.tx, { tenantId: ctx.tenantId, changeId: input.changeId });
  if (!change) throw notFound("That change");
  if (change.status !== "requested") throw conflict(`This change was already ${change.status}.`);
  const council = await ctx.council();
  if (status === "rejected" && !canApprove(ctx.role, change.valueDeltaMinor, council.settings.delegation)) {
    throw forbidden(
      `A change of this value is decided by the ${approvalFor(council, change.valueDeltaMinor).label}.`,
    );
  }
  if (status === "withdrawn" && !canWithdraw({ role: ctx.role, userId: ctx.user.id }, change.requestedBy)) {
    throw forbidden("Only the person who requested a change, or an admin, can withdraw it.");
  }
  const decided = await decideChange(ctx.tx, {
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

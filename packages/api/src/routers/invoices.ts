import { getInvoice, insertInvoice, listInvoices, updateInvoice, violatedConstraint } from "@steward/db";
import {
  conflict,
  daysToPay,
  idInput,
  invalid,
  invoiceDisputeInput,
  invoiceInput,
  invoiceStanding,
  notFound,
  paymentDeadline,
  paymentFigures,
  spendAgainstValue,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { loadContract, today } from "../contract-facts.ts";
import { idempotencyKey, once } from "../idempotency.ts";
import { permittedProcedure, router } from "../init.ts";

const duplicateNumber = () =>
  invalid("This contract already has an invoice with that number.", {
    invoiceNumber: "Already recorded for this contract: check the number.",
  });

export const invoicesRouter = router({
  /**
   * Invoices with their deadline, days to pay and standing under the council's payment term (PA23 s.68(2) or
   * MFMA s.65(2)(e)), the contract's payment figures and spend against its value.
   */
  list: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      const [contract, council] = await Promise.all([loadContract(ctx, input.contractId), ctx.council()]);
      const rows = await listInvoices(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId });
      const invoicedMinor = rows.reduce((sum, invoice) => sum + invoice.amountMinor, 0);
      const { jurisdiction } = council;
      const on = today();
      return {
        invoices: rows.map((invoice) => ({
          ...invoice,
          deadline: paymentDeadline(invoice, jurisdiction),
          daysToPay: invoice.paidOn ? daysToPay(invoice.receivedOn, invoice.paidOn) : null,
          standing: invoiceStanding(invoice, jurisdiction, on),
        })),
        compliance: paymentFigures(rows, { jurisdiction, today: on }),
        spend: spendAgainstValue(invoicedMinor, contract.totalValueMinor),
        currency: contract.currency,
      };
    }),

  create: permittedProcedure("invoices:write")
    .input(z.object({ contractId: idInput, invoice: invoiceInput, idempotencyKey }))
    .mutation(({ ctx, input }) =>
      once(ctx, input, "invoices.create", async () => {
        await loadContract(ctx, input.contractId);
        const invoice = await insertInvoice(ctx.tx, {
          tenantId: ctx.tenantId,
          contractId: input.contractId,
          ...input.invoice,
        });
        if (!invoice) throw duplicateNumber();
        await ctx.audit({
          action: "invoice.recorded",
          entityType: "contract",
          entityId: input.contractId,
          after: invoice,
        });
        return { id: invoice.id };
      }),
    ),

  update: permittedProcedure("invoices:write")
    .input(z.object({ invoiceId: idInput, version: versionInput, invoice: invoiceInput }))
    .mutation(async ({ ctx, input }) => {
      const before = await getInvoice(ctx.tx, { tenantId: ctx.tenantId, invoiceId: input.invoiceId });
      if (!before) throw notFound("That invoice");
      const updated = await updateInvoice(ctx.tx, {
        tenantId: ctx.tenantId,
        invoiceId: input.invoiceId,
        version: input.version,
        values: input.invoice,
      }).catch((error: unknown) => {
        throw violatedConstraint(error) === "invoices_contract_number_key" ? duplicateNumber() : error;
      });
      if (!updated)
        throw conflict("Someone else changed this invoice meanwhile. Reload to see their changes.");
      await ctx.audit({
        action: "invoice.updated",
        entityType: "contract",
        entityId: before.contractId,
        before,
        after: updated,
      });
      return { version: updated.version };
    }),

  /**
   * Marks an invoice disputed, with the date and what is disputed, or clears the dispute (PA23 s.68(3)). While
   * disputed it is left out of lateness.
   */
  setDispute: permittedProcedure("invoices:write")
    .input(invoiceDisputeInput)
    .mutation(async ({ ctx, input }) => {
      const before = await getInvoice(ctx.tx, { tenantId: ctx.tenantId, invoiceId: input.invoiceId });
      if (!before) throw notFound("That invoice");
      const { dispute } = input;
      if (dispute === null && before.disputedOn === null) return { version: before.version };
      if (dispute !== null && dispute.disputedOn < before.receivedOn) {
        throw invalid("A dispute cannot start before the invoice was received.", {
          "dispute.disputedOn": "Give a date on or after the day the invoice was received.",
        });
      }
      const updated = await updateInvoice(ctx.tx, {
        tenantId: ctx.tenantId,
        invoiceId: input.invoiceId,
        version: input.version,
        values: { disputedOn: dispute?.disputedOn ?? null, disputeReason: dispute?.reason ?? null },
      });
      if (!updated)
        throw conflict("Someone else changed this invoice meanwhile. Reload to see their changes.");
      const record = (disputedOn: string, reason: string) => ({
        invoiceId: before.id,
        invoiceNumber: before.invoiceNumber,
        disputedOn,
        reason,
      });
      if (dispute !== null) {
        await ctx.audit({
          action: "invoice.disputed",
          entityType: "contract",
          entityId: before.contractId,
          after: record(dispute.disputedOn, dispute.reason),
        });
      } else if (before.disputedOn !== null && before.disputeReason !== null) {
        await ctx.audit({
          action: "invoice.dispute_cleared",
          entityType: "contract",
          entityId: before.contractId,
          before: record(before.disputedOn, before.disputeReason),
        });
      }
      return { version: updated.version };
    }),
});

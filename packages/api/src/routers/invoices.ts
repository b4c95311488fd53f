import { getInvoice, insertInvoice, listInvoices, updateInvoice } from "@steward/db";
import {
  conflict,
  daysToPay,
  idInput,
  invalid,
  invoiceInput,
  notFound,
  paymentCompliance,
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
  /** Invoices with days to pay, 30-day compliance and spend against the contract's value (Procurement Act s.68–70). */
  list: permittedProcedure("contracts:read")
    .input(z.object({ contractId: idInput }))
    .query(async ({ ctx, input }) => {
      const contract = await loadContract(ctx, input.contractId);
      const rows = await listInvoices(ctx.tx, { tenantId: ctx.tenantId, contractId: input.contractId });
      const invoicedMinor = rows.reduce((sum, invoice) => sum + invoice.amountMinor, 0);
      return {
        invoices: rows.map((invoice) => ({
          ...invoice,
          daysToPay: invoice.paidOn ? daysToPay(invoice.receivedOn, invoice.paidOn) : null,
        })),
        compliance: paymentCompliance(rows, today()),
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
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        if (
          cause instanceof Error &&
          "constraint_name" in cause &&
          cause.constraint_name === "invoices_contract_number_key"
        ) {
          throw duplicateNumber();
        }
        throw error;
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
});

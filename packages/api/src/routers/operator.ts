import { inviteMember } from "@steward/auth";
import { planOf, termsOf } from "@steward/billing";
import {
  countSeatsUsed,
  getLicence,
  insertTenant,
  type Licence,
  lastActivityAt,
  licenceRecord,
  listAllTenants,
  listPlatformAuditEvents,
  saveLicence,
  updateLicence,
} from "@steward/db";
import {
  conflict,
  councilSetupInput,
  defaultSettingsFor,
  entitlements,
  idInput,
  invalid,
  licenceAssignmentInput,
  newId,
  notFound,
  pageInput,
  pageSizeInput,
  platformAuditActionInWords,
  textInput,
  versionInput,
} from "@steward/domain";
import { z } from "zod";
import { operatorProcedure, router } from "../init.ts";

const today = () => new Date().toISOString().slice(0, 10);

/** A council's licence as the console shows it: the stored terms and what they entitle the council to today. */
function licenceView(licence: Licence | null) {
  if (!licence) return null;
  const current = entitlements(termsOf(licence), { today: today() });
  return {
    plan: licence.plan,
    planName: planOf(licence.plan).name,
    seats: licence.seats,
    interval: licence.interval,
    state: licence.state,
    source: licence.source,
    startsOn: licence.startsOn,
    endsOn: licence.endsOn,
    pastDueSince: licence.pastDueSince,
    suspended: licence.suspendedAt !== null,
    poNumber: licence.poNumber,
    standing: current?.standing.kind ?? "read_only",
    version: licence.version,
  };
}

const councilInput = z.object({ tenantId: idInput });

/**
 * The platform operator's console (issue 11 §6): councils, their licences and usage, setting up a council with
 * its first admin's invitation, licences by hand (offline mode, §5), suspending and reactivating. Nothing here
 * reads a council's contract data: a council's licence and two usage figures, each read in that council's own
 * read-only transaction.
 */
export const operatorRouter = router({
  councils: operatorProcedure.query(async ({ ctx }) => {
    const councils = await listAllTenants(ctx.tx);
    const rows = [];
    for (const council of councils) {
      const usage = await ctx.readCouncil(council.id, async (tx) => ({
        licence: licenceView(await getLicence(tx, { tenantId: council.id })),
        seatsUsed: await countSeatsUsed(tx, { tenantId: council.id }),
        lastActivityAt: await lastActivityAt(tx, { tenantId: council.id }),
      }));
      rows.push({ ...council, ...usage });
    }
    // Offline (no Stripe key): the operator assigns every licence by hand, and the console says so.
    return { offline: ctx.stripe === null, councils: rows };
  }),

  /**
   * The platform's audit log, newest first: what the operator changed that belongs to no council (a council's
   * own changes, its licence included, are in that council's log).
   */
  auditLog: operatorProcedure
    .input(z.object({ page: pageInput.default(1), pageSize: pageSizeInput.default(50) }))
    .query(async ({ ctx, input }) => {
      const { rows, total } = await listPlatformAuditEvents(ctx.tx, {
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return {
        events: rows.map((event) => ({ ...event, words: platformAuditActionInWords(event.action) })),
        total,
        page: input.page,
        pageSize: input.pageSize,
      };
    }),

  /** A new council, its licence, and an invitation to its first admin (who then invites the rest). */
  createCouncil: operatorProcedure
    .input(z.object({ council: councilSetupInput, licence: licenceAssignmentInput }))
    .mutation(async ({ ctx, input }) => {
      const tenantId = newId();
      const { audit } = await ctx.actOn(tenantId);
      const { adminEmail, ...values } = input.council;
      const created = await insertTenant(ctx.tx, {
        id: tenantId,
        ...values,
        settings: defaultSettingsFor(values.jurisdiction),
      });
      if (!created) {
        throw invalid("That web address is taken.", { "council.slug": "Another council uses this name." });
      }
      await audit({
        action: "council.created",
        entityType: "council",
        entityId: tenantId,
        after: values,
      });
      const licence = await saveLicence(ctx.tx, {
        tenantId,
        values: { ...input.licence, source: "offline" },
      });
      await audit({
        action: "licence.assigned",
        entityType: "council",
        entityId: tenantId,
        before: null,
        after: licenceRecord(licence),
      });
      const invitation = await inviteMember(ctx.tx, {
        tenantId,
        councilName: values.name,
        email: adminEmail,
        role: "admin",
        invitedBy: ctx.user.id,
        appUrl: ctx.appUrl,
      });
      await audit({
        action: "invitation.sent",
        entityType: "invitation",
        entityId: invitation.id,
        after: { email: adminEmail, role: "admin" },
      });
      ctx.afterCommit(ctx.mail.wake);
      return { tenantId, slug: values.slug };
    }),

  /** Plan, seats and dates by hand (offline mode): a licence Stripe keeps is changed through Stripe. */
  assignLicence: operatorProcedure
    .input(z.object({ tenantId: idInput, version: versionInput.nullable(), licence: licenceAssignmentInput }))
    .mutation(async ({ ctx, input }) => {
      const { audit } = await ctx.actOn(input.tenantId);
      const before = await getLicence(ctx.tx, { tenantId: input.tenantId });
      if (before?.source === "stripe") {
        throw conflict(
          "Stripe keeps this council's licence: change it in Stripe, or from the council's billing page.",
        );
      }
      if ((before?.version ?? null) !== input.version) {
        throw conflict("Someone changed this licence since you opened it. Reload to see the change.");
      }
      const saved = before
        ? await updateLicence(ctx.tx, {
            tenantId: input.tenantId,
            version: input.version,
            changes: input.licence,
          })
        : await saveLicence(ctx.tx, {
            tenantId: input.tenantId,
            values: { ...input.licence, source: "offline" },
          });
      if (!saved)
        throw conflict("Someone changed this licence since you opened it. Reload to see the change.");
      await audit({
        action: "licence.assigned",
        entityType: "council",
        entityId: input.tenantId,
        before: before && licenceRecord(before),
        after: licenceRecord(saved),
      });
      return licenceView(saved);
    }),

  /** Read-only, nothing deleted, until reactivated: the council's members see why. */
  suspend: operatorProcedure
    .input(councilInput.extend({ reason: textInput({ max: 500, min: 1, required: "Say why." }) }))
    .mutation(async ({ ctx, input }) => {
      const { audit } = await ctx.actOn(input.tenantId);
      const updated = await updateLicence(ctx.tx, {
        tenantId: input.tenantId,
        version: null,
        changes: { suspendedAt: new Date() },
      });
      if (!updated) throw notFound("That council's licence");
      await audit({
        action: "licence.suspended",
        entityType: "council",
        entityId: input.tenantId,
        after: { reason: input.reason },
      });
      return licenceView(updated);
    }),

  reactivate: operatorProcedure.input(councilInput).mutation(async ({ ctx, input }) => {
    const { audit } = await ctx.actOn(input.tenantId);
    const updated = await updateLicence(ctx.tx, {
      tenantId: input.tenantId,
      version: null,
      changes: { suspendedAt: null },
    });
    if (!updated) throw notFound("That council's licence");
    await audit({ action: "licence.reactivated", entityType: "council", entityId: input.tenantId });
    return licenceView(updated);
  }),
});

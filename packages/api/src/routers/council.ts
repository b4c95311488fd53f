import { updateTenantSettings } from "@steward/db";
import { notFound, tenantSettingsSchema } from "@steward/domain";
import { z } from "zod";
import { permittedProcedure, router } from "../init.ts";

export const councilRouter = router({
  /** The council and its settings: tiering thresholds and scheme of delegation, read by every member. */
  get: permittedProcedure("contracts:read").query(async ({ ctx }) => {
    const council = await ctx.council();
    return {
      id: council.id,
      name: council.name,
      slug: council.slug,
      jurisdiction: council.jurisdiction,
      currency: council.currency,
      locale: council.locale,
      settings: council.settings,
    };
  }),

  updateSettings: permittedProcedure("settings:manage")
    .input(z.object({ settings: tenantSettingsSchema }))
    .mutation(async ({ ctx, input }) => {
      const before = (await ctx.council()).settings;
      const updated = await updateTenantSettings(ctx.tx, {
        tenantId: ctx.tenantId,
        settings: input.settings,
      });
      if (!updated) throw notFound("This council");
      await ctx.audit({
        action: "council.settings_changed",
        entityType: "council",
        entityId: ctx.tenantId,
        before,
        after: input.settings,
      });
      return { settings: input.settings };
    }),
});

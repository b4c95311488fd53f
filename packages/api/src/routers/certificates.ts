import {
  applyScope,
  findCertificateCouncil,
  getCertificateForVerification,
  getOwnCompletion,
} from "@steward/db";
import { idInput, normaliseVerificationCode, notFound, textInput } from "@steward/domain";
import { z } from "zod";
import { permittedProcedure, publicProcedure, router } from "../init.ts";

const notVerified = () =>
  notFound(
    "No certificate has that code. Check it against the certificate: 16 letters and digits, in four groups",
  );

/** Certificates (issue 10 §4): the holder's own, to print, and the public verification of a code. */
export const certificatesRouter = router({
  /** One of the caller's certificates, as it prints (one A4 page: the web page's print stylesheet). */
  get: permittedProcedure("training:learn", { module: "training" })
    .input(z.object({ completionId: idInput }))
    .query(async ({ ctx, input }) => {
      const certificate = await getOwnCompletion(ctx.tx, {
        tenantId: ctx.tenantId,
        userId: ctx.user.id,
        completionId: input.completionId,
      });
      if (!certificate) throw notFound("That certificate");
      const council = await ctx.council();
      return { ...certificate, councilName: council.name };
    }),

  /**
   * The public verification page's answer: the holder's name, the course, the issue and expiry dates, and
   * nothing else (issue 10 §4). The code names its council through certificate_codes, and the completion is
   * read in that council's scope, as an invitation link's council is.
   */
  verify: publicProcedure.input(z.object({ code: textInput({ max: 40 }) })).query(async ({ ctx, input }) => {
    const code = normaliseVerificationCode(input.code);
    const councilId = code && (await findCertificateCouncil(ctx.tx, { code }));
    if (!code || !councilId) throw notVerified();
    await applyScope(ctx.tx, { tenantId: councilId });
    const certificate = await getCertificateForVerification(ctx.tx, { tenantId: councilId, code });
    if (!certificate) throw notVerified();
    return { code, ...certificate };
  }),
});

import { z } from "zod";
import { idInput, optionalTextInput, textLimits } from "../input.ts";
import { ownerParties } from "./vocabulary.ts";

/**
 * Who owns an action or a risk (004 §9, §11.2: the council's and the supplier's, in one joint log): a
 * council owner is one of its members; a supplier owner is a person named at the supplier.
 */
export const ownerFields = {
  ownerParty: z.enum(ownerParties),
  ownerUserId: idInput.nullable().default(null),
  ownerName: optionalTextInput(textLimits.short),
};

export function checkOwner(
  owner: { ownerParty: "council" | "supplier"; ownerUserId: string | null; ownerName: string | null },
  ctx: z.RefinementCtx,
) {
  if (owner.ownerParty === "council" && owner.ownerUserId === null) {
    ctx.addIssue({
      code: "custom",
      path: ["ownerUserId"],
      message: "Choose the council member who owns it.",
    });
  }
  if (owner.ownerParty === "supplier" && owner.ownerName === null) {
    ctx.addIssue({
      code: "custom",
      path: ["ownerName"],
      message: "Name the person at the supplier who owns it.",
    });
  }
}

/** The stored owner: a council owner is the member (no typed name); a supplier owner is the name alone. */
export function ownerOf<
  T extends { ownerParty: "council" | "supplier"; ownerUserId: string | null; ownerName: string | null },
>(owner: T): T {
  return owner.ownerParty === "council" ? { ...owner, ownerName: null } : { ...owner, ownerUserId: null };
}

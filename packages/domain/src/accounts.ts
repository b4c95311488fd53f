import { z } from "zod";
import { roles } from "./roles.ts";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@council.gov.uk."));
// Long enough to resist guessing; capped so a megabyte "password" cannot tie up argon2.
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});
export const requestPasswordResetInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: z.string().min(1), password: newPasswordSchema });
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: newPasswordSchema,
});
export const inviteMemberInput = z.object({
  email: emailSchema,
  role: z.enum(roles, { error: "Choose a role for the person you invite." }),
});
export const acceptInvitationInput = z.object({
  tenantId: z.uuid(),
  token: z.string().min(1),
  /** For a new account: the name to show; for an existing one, ignored. */
  name: z.string().trim().max(200).optional(),
  password: z.string().min(1, "Enter a password.").max(200),
});

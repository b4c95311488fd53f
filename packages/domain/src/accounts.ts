import { z } from "zod";
import { emailInput, idInput, textInput, textLimits, tokenInput } from "./input.ts";
import { memberRoles } from "./roles.ts";

const emailSchema = emailInput();
/** Passwords are hashed, never stored: capped so a megabyte "password" cannot tie up argon2. */
const passwordLimit = 200;
const existingPassword = (required: string) =>
  z
    .string({ error: required })
    .min(1, required)
    .max(passwordLimit, `Use at most ${passwordLimit} characters for your password.`);
// Long enough to resist guessing.
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(12, "Use at least 12 characters for your password.")
  .max(passwordLimit, `Use at most ${passwordLimit} characters for your password.`);

export const signInInput = z.object({
  email: emailSchema,
  password: existingPassword("Enter your password."),
});
export const requestPasswordResetInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: tokenInput, password: newPasswordSchema });
export const changePasswordInput = z.object({
  currentPassword: existingPassword("Enter your current password."),
  newPassword: newPasswordSchema,
});
export const inviteMemberInput = z.object({
  email: emailSchema,
  role: z.enum(memberRoles, { error: "Choose a role for the person you invite." }),
});
export const acceptInvitationInput = z.object({
  tenantId: idInput,
  token: tokenInput,
  /** For a new account: the name to show; for an existing one, ignored. */
  name: textInput({ max: textLimits.short }).optional(),
  password: existingPassword("Enter a password."),
});

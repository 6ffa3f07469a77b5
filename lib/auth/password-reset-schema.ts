// ACC-9: the forms of the password reset, importable by the browser (no server code here).
import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import { botCheckField } from '@/lib/public-forms/schema';
import { passwordSchema } from './password-schema';

export const forgotPasswordSchema = z.object({ email: emailSchema, botCheck: botCheckField });
export type ForgotPasswordInput = z.output<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.object({
  token: z.string().min(1, 'This link is not valid.').max(200, 'This link is not valid.'),
  password: passwordSchema,
  botCheck: botCheckField,
});
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

// ACC-9: the forms of the password reset, importable by the browser (no server code here).
import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import { msg } from '@/lib/i18n/message-ref';
import { botCheckField } from '@/lib/public-forms/schema';
import { passwordSchema } from './password-schema';

export const forgotPasswordSchema = z.object({ email: emailSchema, botCheck: botCheckField });
export type ForgotPasswordInput = z.output<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.object({
  token: z.string().min(1, msg('auth.validation.linkInvalid')).max(200, msg('auth.validation.linkInvalid')),
  password: passwordSchema,
  botCheck: botCheckField,
});
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

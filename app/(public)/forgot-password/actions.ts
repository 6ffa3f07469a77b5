'use server';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { forgotPasswordSchema } from '@/lib/auth/password-reset-schema';
import { now } from '@/lib/clock';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';

/** ACC-9: "Send reset link". The same answer whether or not the email has a login. */
export const forgotPasswordAction = validatedAction({
  schema: forgotPasswordSchema,
  guard: publicForm(LIMITS.passwordReset),
  run: async (input, meta) => requestPasswordReset(await getDb(), input, meta, now()),
});

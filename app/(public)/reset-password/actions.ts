'use server';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { resetPassword } from '@/lib/auth/password-reset';
import { resetPasswordSchema } from '@/lib/auth/password-reset-schema';
import { now } from '@/lib/clock';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';

/** ACC-9: "Set new password" through the emailed link. */
export const resetPasswordAction = validatedAction({
  schema: resetPasswordSchema,
  guard: publicForm(LIMITS.passwordReset),
  run: async (input, meta) => {
    const r = await resetPassword(await getDb(), input, meta, now());
    return { message: r.message };
  },
});

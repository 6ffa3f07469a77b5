'use server';
import { getDb } from '@/db/client';
import { signupSchema } from '@/lib/accounts/schemas';
import { signUp } from '@/lib/accounts/signup';
import { validatedAction } from '@/lib/actions';
import { now } from '@/lib/clock';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';

/** ACC-1..5: create the account; the form then shows "Check your email" (also for a registered email). */
export const signupAction = validatedAction({
  schema: signupSchema,
  guard: publicForm(LIMITS.signup),
  run: async (input, meta) => {
    const result = await signUp(await getDb(), input, meta, now());
    return { data: { email: result.email } };
  },
});

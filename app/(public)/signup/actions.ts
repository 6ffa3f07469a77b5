'use server';
import { getDb } from '@/db/client';
import { signupSchema } from '@/lib/accounts/schemas';
import { signUp } from '@/lib/accounts/signup';
import { validatedAction } from '@/lib/actions';
import { now } from '@/lib/clock';
import { requestLocale } from '@/lib/i18n/server';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';

/** ACC-1..5: create the account; the form then shows "Check your email" (also for a registered email). */
export const signupAction = validatedAction({
  schema: signupSchema,
  guard: publicForm(LIMITS.signup),
  run: async (input, meta) => {
    // The owner keeps the language they signed up in (their emails and other devices use it).
    const result = await signUp(await getDb(), input, { ...meta, locale: await requestLocale() }, now());
    return { data: { email: result.email } };
  },
});

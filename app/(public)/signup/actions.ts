'use server';
import { getDb } from '@/db/client';
import { signupSchema } from '@/lib/accounts/schemas';
import { signUp } from '@/lib/accounts/signup';
import { validatedAction } from '@/lib/actions';
import { publicRequest } from '@/lib/auth/guards';
import { now } from '@/lib/clock';

/** ACC-1..5: create the account; the form then shows "Check your email". */
export const signupAction = validatedAction({
  schema: signupSchema,
  guard: publicRequest,
  run: async (input, meta) => {
    const result = await signUp(await getDb(), input, meta, now());
    return { data: { email: result.email } };
  },
});

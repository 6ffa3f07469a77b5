'use server';
import { getDb } from '@/db/client';
import { resendVerification } from '@/lib/accounts/verification';
import { resendSchema } from '@/lib/accounts/schemas';
import { validatedAction } from '@/lib/actions';
import { publicRequest } from '@/lib/auth/guards';
import { now } from '@/lib/clock';

/** ACC-2: "Send the link again". The same answer whether or not the email has a pending signup. */
export const resendVerificationAction = validatedAction({
  schema: resendSchema,
  guard: publicRequest,
  run: async (input, meta) => resendVerification(await getDb(), input, meta, now()),
});

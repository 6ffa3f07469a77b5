'use server';
import { getDb } from '@/db/client';
import { resendVerification } from '@/lib/accounts/verification';
import { resendSchema } from '@/lib/accounts/schemas';
import { validatedAction } from '@/lib/actions';
import { now } from '@/lib/clock';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';

/** ACC-2: "Send the link again". The same answer whether or not the email has a pending signup. */
export const resendVerificationAction = validatedAction({
  schema: resendSchema,
  guard: publicForm(LIMITS.resendVerification),
  run: async (input, meta) => resendVerification(await getDb(), input, meta, now()),
});

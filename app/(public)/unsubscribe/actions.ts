'use server';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { now } from '@/lib/clock';
import { unsubscribeAddress } from '@/lib/privacy/marketing';
import { addressFormSchema } from '@/lib/privacy/schemas';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';

/** GDPR-10: the public unsubscribe form. The answer never tells whether the address was on a list. */
export const unsubscribeAction = validatedAction({
  schema: addressFormSchema,
  guard: publicForm(LIMITS.unsubscribe),
  run: async ({ email }, meta) => {
    await unsubscribeAddress(await getDb(), email, { channel: 'form', ip: meta.ip }, now());
    return { data: { email } };
  },
});

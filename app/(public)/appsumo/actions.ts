'use server';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { now } from '@/lib/clock';
import { redeemDealCode } from '@/lib/deals/redeem';
import { redeemSchema } from '@/lib/deals/schemas';
import { requestLocale } from '@/lib/i18n/server';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';

/** APS-2..5: redeem a lifetime-deal code; the form then shows "Check your email", as signup does. */
export const redeemAction = validatedAction({
  schema: redeemSchema,
  guard: publicForm(LIMITS.dealRedeem),
  run: async (input, meta) => {
    const result = await redeemDealCode(await getDb(), input, meta, now(), await requestLocale());
    return { data: { email: result.email } };
  },
});

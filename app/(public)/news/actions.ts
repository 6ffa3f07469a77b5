'use server';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { requestLocale } from '@/lib/i18n/server';
import { subscribeToNews } from '@/lib/privacy/newsletter';
import { addressFormSchema } from '@/lib/privacy/schemas';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';

/** GDPR-10: "Subscribe to product news" (double opt-in). The same answer for every address. */
export const subscribeNewsAction = validatedAction({
  schema: addressFormSchema,
  guard: publicForm(LIMITS.newsSubscribe),
  run: async ({ email }, meta) => {
    await subscribeToNews(await getDb(), email, { ip: meta.ip, locale: await requestLocale() }, now());
    return { message: msg('consents.news.done') };
  },
});

'use server';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { currentUser } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { requestLocale } from '@/lib/i18n/server';
import { privacyRequestSchema } from '@/lib/privacy/request-schemas';
import { fileRequest } from '@/lib/privacy/requests';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';

/**
 * GDPR-3: "Send request". Anyone may file; a signed-in person is recorded as the requester's login
 * (from the session, never the form), but the email given is confirmed by link all the same.
 */
export const fileRequestAction = validatedAction({
  schema: privacyRequestSchema,
  guard: publicForm(LIMITS.privacyRequest),
  run: async (input, meta) => {
    const [signedIn, locale] = await Promise.all([currentUser(), requestLocale()]);
    return fileRequest(await getDb(), input, { ...meta, locale, user: signedIn?.user ?? null }, now());
  },
});

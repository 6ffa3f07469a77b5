'use server';
// The "Language" select on every page. The choice goes into a cookie (this browser) and, for a
// signed-in person, onto their user (their other devices and their emails).
import { cookies } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { currentUser } from '@/lib/auth/guards';
import { LOCALE_COOKIE, LOCALES, type Locale } from '@/lib/i18n/config';
import { saveUserLocale, userLocale } from '@/lib/i18n/preference';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

async function rememberInBrowser(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: ONE_YEAR_S,
    sameSite: 'lax',
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production' && (process.env.NEXTAUTH_URL ?? '').startsWith('https:'),
  });
}

const choiceSchema = z.object({ locale: z.enum(LOCALES) });

export async function chooseLanguage(formData: FormData): Promise<void> {
  const parsed = choiceSchema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return; // an unknown language changes nothing
  await rememberInBrowser(parsed.data.locale);
  const me = await currentUser();
  if (me) await saveUserLocale(await getDb(), me.user.id, parsed.data.locale);
}

/**
 * Right after sign-in: a language chosen in this browser wins and is stored on the user; with no
 * choice here, the user's stored language becomes this browser's.
 */
export async function adoptLanguageAfterSignIn(): Promise<void> {
  const me = await currentUser();
  if (!me) return;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const db = await getDb();
  const parsed = z.enum(LOCALES).safeParse(chosen);
  if (parsed.success) await saveUserLocale(db, me.user.id, parsed.data);
  else await rememberInBrowser(await userLocale(db, me.user.id));
}

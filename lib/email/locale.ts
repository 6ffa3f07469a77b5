// Every email is written in its recipient's language: a user's stored choice (users.locale). An
// address that belongs to no user (an invoice email of an accounts department) gets the language
// of the request that caused the email, if there is one, else English.
import { and, isNull } from 'drizzle-orm';
import { inList } from '@/db/bulk';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { localeOfRequestOrDefault } from '@/lib/i18n/request-locale';
import { localeKit } from '@/lib/i18n/translator';

/** The language of the user who has this email address, or null when none has it. */
async function userLocalesByEmail(db: Executor, emails: string[]): Promise<Map<string, Locale>> {
  const out = new Map<string, Locale>();
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (!wanted.length) return out;
  const rows = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(inList(users.email, wanted), isNull(users.deletedAt)));
  for (const r of rows) if (r.email) out.set(r.email.toLowerCase(), r.locale);
  return out;
}

/** The languages of many addresses at once (one query); addresses of no user get the request's language. */
export async function localesForAddresses(db: Executor, emails: string[]): Promise<Map<string, Locale>> {
  const known = await userLocalesByEmail(db, emails);
  const missing = emails.filter((e) => !known.has(e.toLowerCase()));
  if (missing.length) {
    const fallback = await localeOfRequestOrDefault();
    for (const e of missing) known.set(e.toLowerCase(), fallback);
  }
  return known;
}

/** The language to write to `email` in. */
export async function localeForAddress(db: Executor, email: string): Promise<Locale> {
  return (await localesForAddresses(db, [email])).get(email.toLowerCase())!;
}

export type EmailKit = ReturnType<typeof emailKit>;

/** The translator, formatters and the layout's greeting for an email in `locale`. */
export function emailKit(locale: Locale) {
  const kit = localeKit(locale);
  return {
    ...kit,
    /** "Hello Jana," */
    greeting: (name: string) => kit.t('email.layout.greeting', { name }),
  };
}

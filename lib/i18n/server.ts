// The request's language and its tools for server components, server actions and route handlers.
import { cookies, headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { LOCALE_COOKIE, resolveLocale, type Locale } from './config';
import { formattersFor, type Formatters } from './format';
import { translateMessage, type KeyTranslator } from './message-ref';

/** Cookie (the visitor's explicit choice) → Accept-Language → English. */
export async function requestLocale(): Promise<Locale> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  return resolveLocale(jar.get(LOCALE_COOKIE)?.value, h.get('accept-language'));
}

/** Date and money formatters in the request's language. */
export async function getFormatters(): Promise<Formatters> {
  return formattersFor(await requestLocale());
}

/** The root translator of the request's language (full keys, e.g. `errors.notFound`). */
export async function getKeyTranslator(): Promise<KeyTranslator> {
  const t = await getTranslations();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (key, values) => (t as any)(key, values);
}

/** Translates a message reference (from a schema or DomainError) for this request. */
export async function translateForRequest(text: string | undefined): Promise<string | undefined> {
  return translateMessage(await getKeyTranslator(), text);
}

// Translation outside a request (emails queued by services and sweeps, PDFs, tests): the same
// catalogues and formats as the pages, for a language chosen by the caller (the recipient's).
import { createTranslator } from 'next-intl';
import { TIME_ZONE } from '@/lib/clock';
import { catalogues } from './catalogue';
import { DEFAULT_LOCALE, type Locale } from './config';
import { formattersFor } from './format';
import { translateMessage, type KeyTranslator } from './message-ref';

const translators = new Map<Locale, KeyTranslator>();

/** A translator over the whole catalogue: `t('email.verify.subject', { name })`. */
export function translatorFor(locale: Locale = DEFAULT_LOCALE): KeyTranslator {
  let t = translators.get(locale);
  if (!t) {
    const translate = createTranslator({ locale, messages: catalogues[locale], timeZone: TIME_ZONE });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    t = (key, values) => (translate as any)(key, values);
    translators.set(locale, t);
  }
  return t;
}

/** Translator, formatters and message-reference translation for one language. */
export function localeKit(locale: Locale) {
  const t = translatorFor(locale);
  return { ...formattersFor(locale), t, text: (s: string) => translateMessage(t, s) ?? s };
}

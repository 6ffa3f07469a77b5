// Translation outside a request (emails queued by services and sweeps, PDFs, tests): the same
// catalogues and formats as the pages, for a language chosen by the caller (the recipient's).
//
// next-intl's translator compiles through a memoizer whose cache key is the JSON of the message,
// its formats and its formatters, worked out on every call (≈ 25 µs a call). A renewal sweep
// writes a handful of messages per invoice, so that cost dominated it. Here each catalogue
// message is compiled once per language with intl-messageformat (the compiler next-intl itself
// uses, with the same formats and time zone) and only formatted per call; anything out of the
// ordinary (a missing key, rich-text tags, a message that does not compile) goes to next-intl's
// own translator, so errors and fallbacks stay exactly as they were.
import { IntlMessageFormat } from 'intl-messageformat';
import { createTranslator } from 'next-intl';
import { TIME_ZONE } from '@/lib/clock';
import { catalogues } from './catalogue';
import { DEFAULT_LOCALE, type Locale } from './config';
import { formattersFor } from './format';
import { translateMessage, type KeyTranslator, type MessageValues } from './message-ref';

const translators = new Map<Locale, KeyTranslator>();

/** The formats next-intl hands intl-messageformat: the default date and time styles, in our time zone. */
function messageFormats() {
  const withZone = (formats: Record<string, Intl.DateTimeFormatOptions>) =>
    Object.fromEntries(Object.entries(formats).map(([k, v]) => [k, { timeZone: TIME_ZONE, ...v }]));
  return { date: withZone(IntlMessageFormat.formats.date), time: withZone(IntlMessageFormat.formats.time), number: {} };
}

/** The catalogue entry at a dotted key, or undefined. */
function lookup(messages: unknown, key: string): unknown {
  let node = messages;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The same test next-intl uses to skip compiling a message without values. */
const isPlain = (message: string) => !/'[{}<#|']/.test(message) && !/<|{/.test(message);

/** A translator over the whole catalogue: `t('email.verify.subject', { name })`. */
export function translatorFor(locale: Locale = DEFAULT_LOCALE): KeyTranslator {
  let t = translators.get(locale);
  if (!t) {
    const messages = catalogues[locale];
    const translate = createTranslator({ locale, messages, timeZone: TIME_ZONE });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const slow: KeyTranslator = (key, values) => (translate as any)(key, values);
    const formats = messageFormats();
    /**
     * Per key: the text itself when it has nothing to format (values or not, ICU gives it back
     * unchanged), its compiled message, or null when next-intl must handle it.
     */
    const compiled = new Map<string, string | IntlMessageFormat | null>();
    const compile = (key: string): string | IntlMessageFormat | null => {
      const message = lookup(messages, key);
      if (typeof message !== 'string' || message.includes('<')) return null;
      if (isPlain(message)) return message;
      try {
        return new IntlMessageFormat(message, locale, formats);
      } catch {
        return null;
      }
    };
    t = (key: string, values?: MessageValues) => {
      let entry = compiled.get(key);
      if (entry === undefined) compiled.set(key, (entry = compile(key)));
      if (entry === null) return slow(key, values);
      if (typeof entry === 'string') return entry;
      try {
        const out = entry.format(values);
        return typeof out === 'string' ? out : String(out);
      } catch {
        return slow(key, values);
      }
    };
    translators.set(locale, t);
  }
  return t;
}

/** Translator, formatters and message-reference translation for one language. */
export function localeKit(locale: Locale) {
  const t = translatorFor(locale);
  return { ...formattersFor(locale), t, text: (s: string) => translateMessage(t, s) ?? s };
}

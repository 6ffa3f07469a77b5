import { createTranslator } from 'next-intl';
import { describe, expect, test } from 'vitest';
import { catalogues, NAMESPACES } from './catalogue';
import { localeFromAcceptLanguage, resolveLocale } from './config';
import { formatDate, formatDateTime, formatMoney } from './format';
import { msg, parseMessageRef, translateMessage } from './message-ref';
import { translatorFor } from './translator';

function flatten(obj: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') Object.assign(out, flatten(v, key));
    else out[key] = String(v);
  }
  return out;
}

/** The ICU arguments and rich-text tags a message uses: `{name}`, `{count, plural, …}`, `<b>`. */
function placeholders(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => `{${m[1]}}`);
  const tags = [...message.matchAll(/<\/?([A-Za-z][\w-]*)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

describe('message catalogues', () => {
  const en = flatten(catalogues.en);
  const nl = flatten(catalogues.nl);

  test('every key exists in both English and Dutch', () => {
    expect(Object.keys(nl).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in nl))).toEqual([]);
    expect(Object.keys(en).length).toBeGreaterThan(0);
  });

  test('no message is empty in either language', () => {
    expect(Object.entries(en).filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    expect(Object.entries(nl).filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });

  test('each message has the same placeholders in both languages', () => {
    const differ = Object.keys(en)
      .filter((k) => k in nl && placeholders(en[k]).join() !== placeholders(nl[k]).join())
      .map((k) => `${k}: ${placeholders(en[k]).join()} ≠ ${placeholders(nl[k]).join()}`);
    expect(differ).toEqual([]);
  });

  test('every message formats in both languages (ICU syntax, plurals, rich-text tags)', () => {
    for (const locale of ['en', 'nl'] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: catalogues[locale], timeZone: 'Europe/Bratislava', onError: (e) => errors.push(e.message) });
      const flat = locale === 'en' ? en : nl;
      for (const key of Object.keys(flat)) {
        // A number for every argument and a plain function for every tag, as pages give them.
        const values = Object.fromEntries(
          placeholders(flat[key]).map((p) => (p.startsWith('{') ? [p.slice(1, -1), 1] : [p.slice(1, -1), (chunks: string) => chunks])),
        );
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        (t as any).markup(key, values);
      }
      expect(errors, locale).toEqual([]);
    }
  });

  test('each namespace has its own file in both languages', () => {
    for (const ns of NAMESPACES) {
      expect(catalogues.en[ns]).toBeTypeOf('object');
      expect(catalogues.nl[ns]).toBeTypeOf('object');
    }
  });
});

describe('choosing the language', () => {
  test('a chosen language (cookie) wins over Accept-Language', () => {
    expect(resolveLocale('nl', 'en-GB,en;q=0.9')).toBe('nl');
    expect(resolveLocale('en', 'nl-NL')).toBe('en');
  });
  test('without a choice, the best supported Accept-Language language; else English', () => {
    expect(resolveLocale(undefined, 'nl-BE,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(resolveLocale(undefined, 'de-DE,de;q=0.9,nl;q=0.5,en;q=0.4')).toBe('nl');
    expect(resolveLocale(undefined, 'de-DE,fr;q=0.9')).toBe('en');
    expect(resolveLocale('xx', null)).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0.2, nl;q=0.8')).toBe('nl');
    expect(localeFromAcceptLanguage('nl;q=0')).toBeNull();
  });
});

describe('dates and money per language', () => {
  test('English shows 25 Nov 2026 and €39.00; Dutch 25 nov 2026 and € 39,00', () => {
    const d = new Date('2026-11-25T10:00:00Z');
    expect(formatDate(d, 'en')).toBe('25 Nov 2026');
    expect(formatDate(d, 'nl')).toBe('25 nov 2026');
    expect(formatMoney(3900, 'en')).toBe('€39.00');
    expect(formatMoney(3900, 'nl').replace(/\u00a0/g, ' ')).toBe('€ 39,00');
    expect(formatMoney(123456789, 'nl').replace(/\u00a0/g, ' ')).toBe('€ 1.234.567,89');
  });
  test('English months are three letters (Sep, not Sept); times are 24-hour in Bratislava', () => {
    expect(formatDate(new Date('2026-09-02T10:00:00Z'), 'en')).toBe('2 Sep 2026');
    expect(formatDate(new Date('2026-03-02T10:00:00Z'), 'nl')).toBe('2 mrt 2026');
    expect(formatDateTime(new Date('2026-07-01T21:59:00Z'), 'en')).toBe('1 Jul 2026, 23:59');
    expect(formatDateTime(new Date('2026-07-01T21:59:00Z'), 'nl')).toBe('1 jul 2026 23:59');
  });
});

describe('message references', () => {
  test('a reference carries its key and values and is translated per language', () => {
    const ref = msg('validation.correctHighlighted');
    expect(parseMessageRef(ref)).toEqual({ key: 'validation.correctHighlighted' });
    expect(translateMessage(translatorFor('en'), ref)).toBe('Please correct the highlighted fields.');
    expect(translateMessage(translatorFor('nl'), ref)).toBe('Verbeter de gemarkeerde velden.');
    expect(parseMessageRef(msg('x.y', { n: 3 }))).toEqual({ key: 'x.y', values: { n: 3 } });
    expect(translateMessage(translatorFor('en'), 'Already text.')).toBe('Already text.');
  });
});

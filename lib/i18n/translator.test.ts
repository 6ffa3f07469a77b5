import { IntlMessageFormat } from 'intl-messageformat';
import { createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { TIME_ZONE } from '@/lib/clock';
import { catalogues } from './catalogue';
import { LOCALES } from './config';
import { translatorFor } from './translator';

type Values = Record<string, string | number>;

/** Every string message of a catalogue, by dotted key. */
function messagesOf(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => messagesOf(v, prefix ? `${prefix}.${k}` : k));
}

interface AstElement {
  type: number;
  value?: string;
  options?: Record<string, { value: AstElement[] }>;
  children?: AstElement[];
}

/** Value sets that reach every argument of a message: plurals with 0, 1, 2 and 21, selects with each option. */
function valueSets(message: string): Values[] {
  const sets: Values[] = [{}];
  const visit = (els: AstElement[]) => {
    for (const el of els) {
      const name = el.value!;
      if (el.type === 1) sets.forEach((s) => (s[name] = `<${name} & "x">`));
      if (el.type === 2 || el.type === 3 || el.type === 4) sets.forEach((s) => (s[name] = 1234.5));
      if (el.type === 5 || el.type === 6) {
        const choices = el.type === 6 ? [0, 1, 2, 21] : Object.keys(el.options!);
        const base = sets.splice(0);
        for (const s of base) for (const c of choices) sets.push({ ...s, [name]: c });
        for (const o of Object.values(el.options!)) visit(o.value);
      }
      if (el.children) visit(el.children);
    }
  };
  visit(new IntlMessageFormat(message, 'en').getAst() as unknown as AstElement[]);
  return sets.slice(0, 64);
}

describe('translatorFor', () => {
  for (const locale of LOCALES) {
    it(`gives what next-intl gives for every ${locale} message, with and without values`, () => {
      let failed = false;
      const reference = createTranslator({ locale, messages: catalogues[locale], timeZone: TIME_ZONE, onError: () => (failed = true) });
      const t = translatorFor(locale);
      let compared = 0;
      for (const [key, message] of messagesOf(catalogues[locale])) {
        if (message.includes('<')) continue; // rich text is t.rich's business
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const ref = (values?: Values) => (reference as any)(key, values) as string;
        for (const values of [undefined, ...valueSets(message)]) {
          // A message read without the values it needs is an error (next-intl's fallback); only compare the rest.
          failed = false;
          const expected = ref(values);
          if (failed) continue;
          expect(t(key, values), `${locale} ${key} ${JSON.stringify(values)}`).toBe(expected);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(500);
    });
  }

  it('answers a missing key the way next-intl does (its fallback, the key)', () => {
    const reference = createTranslator({ locale: 'en', messages: catalogues.en, timeZone: TIME_ZONE, onError: () => {} });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const silence = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(translatorFor('en')('email.noSuchKey')).toBe((reference as any)('email.noSuchKey'));
    silence.mockRestore();
  });
});

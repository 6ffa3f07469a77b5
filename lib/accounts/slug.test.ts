import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { accountAddress, proposeSlug, RESERVED_SLUGS, validateSlug } from './slug';
import { translateMessage } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';

/** A message reference as an English reader sees it. */
const en = (m: string | null | undefined) => (m ? translateMessage(translatorFor('en'), m) : m);

describe('slug rules', () => {
  afterEach(() => {
    delete process.env.ACCOUNT_BASE_DOMAIN;
  });

  test('ACC-1 proposes the address from the company name, transliterating accents', () => {
    expect(proposeSlug('Café Žilina s.r.o.')).toBe('cafe-zilina-sro');
    expect(proposeSlug('  Müller & Söhne GmbH ')).toBe('muller-and-sohne-gmbh');
    expect(proposeSlug('Łódź Straße')).toBe('lodz-strasse');
    expect(proposeSlug('ACME')).toBe('acme');
    expect(proposeSlug('!!!')).toBe('');
  });

  test('ACC-1 a proposal never is too short or reserved', () => {
    expect(proposeSlug('AB')).toBe('ab-hq');
    expect(proposeSlug('Admin')).toBe('admin-hq');
    expect(validateSlug(proposeSlug('x'))).toBeNull();
  });

  test('ACC-1 property: every non-empty proposal is a valid address', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const s = proposeSlug(name);
        return s === '' || validateSlug(s) === null;
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (name) => {
        const s = proposeSlug(name);
        return s === '' || validateSlug(s) === null;
      }),
      { numRuns: 2000 },
    );
  });

  test('ACC-1 validates length, characters, dashes and reserved words with clear messages', () => {
    expect(en(validateSlug('ab'))).toMatch(/at least 3/);
    expect(en(validateSlug('a'.repeat(41)))).toMatch(/at most 40/);
    expect(validateSlug('a'.repeat(40))).toBeNull();
    expect(validateSlug('abc')).toBeNull();
    expect(en(validateSlug('acme_co'))).toMatch(/letters a–z, digits and dashes/);
    expect(en(validateSlug('café'))).toMatch(/letters/);
    expect(en(validateSlug('-acme'))).toMatch(/start or end with a dash/);
    expect(en(validateSlug('acme-'))).toMatch(/start or end with a dash/);
    for (const w of ['www', 'admin', 'api', 'staff', 'mail', 'support', 'billing', 'login', 'signup']) {
      expect(RESERVED_SLUGS.has(w)).toBe(true);
      expect(en(validateSlug(w))).toMatch(/reserved/);
    }
  });

  test('ACC-1 property: valid slugs are exactly 3–40 chars of a-z0-9- without edge dashes, not reserved', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcz09-_A. é'.split('')), maxLength: 45 }), (s) => {
        const ok =
          s.length >= 3 && s.length <= 40 && /^[a-z0-9-]+$/.test(s) && !s.startsWith('-') && !s.endsWith('-') && !RESERVED_SLUGS.has(s);
        return (validateSlug(s) === null) === ok;
      }),
      { numRuns: 3000 },
    );
  });

  test('ACC-1 the address uses the configured base domain', () => {
    expect(accountAddress('acme')).toBe('acme.accountdesk.app');
    process.env.ACCOUNT_BASE_DOMAIN = 'helpdesk.example';
    expect(accountAddress('acme')).toBe('acme.helpdesk.example');
  });
});

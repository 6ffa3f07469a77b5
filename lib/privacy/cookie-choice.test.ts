import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { COOKIE_CHOICE_MAX_AGE_S, cookieChoiceHeader, cookieChoiceValue, isNecessaryCookie, parseCookieChoice } from './cookie-choice';

describe('GDPR-11 the stored cookie choice', () => {
  test('GDPR-11 a stored choice is read back with its day', () => {
    expect(parseCookieChoice('necessary.2026-11-26')).toEqual({ choice: 'necessary', day: '2026-11-26' });
    expect(parseCookieChoice('all.2027-02-28')).toEqual({ choice: 'all', day: '2027-02-28' });
  });

  test('GDPR-11 no cookie or a value we did not write means no choice, so the banner asks again', () => {
    for (const v of [undefined, null, '', 'all', 'yes.2026-11-26', 'all.2026-02-30', 'all.26-11-2026', 'ALL.2026-11-26', 'all.2026-11-26;x'])
      expect(parseCookieChoice(v)).toBeNull();
  });

  test('GDPR-11 any choice made on any day round-trips through the cookie value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('necessary' as const, 'all' as const),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        (choice, at) => {
          expect(parseCookieChoice(cookieChoiceValue(choice, at))).toEqual({ choice, day: at.toISOString().slice(0, 10) });
        },
      ),
    );
  });

  test('GDPR-11 the choice is kept for one year on the whole site, first-party, Secure only on https', () => {
    const at = new Date('2026-11-26T10:00:00Z');
    expect(cookieChoiceHeader('all', at, false)).toBe(`cookie_choice=all.2026-11-26; Path=/; Max-Age=${COOKIE_CHOICE_MAX_AGE_S}; SameSite=Lax`);
    expect(COOKIE_CHOICE_MAX_AGE_S).toBe(31_536_000);
    expect(cookieChoiceHeader('necessary', at, true)).toMatch(/; Secure$/);
    expect(cookieChoiceHeader('necessary', at, true)).not.toMatch(/Domain=/);
  });

  test('GDPR-11 only the app’s own necessary cookies count as necessary', () => {
    for (const name of ['cookie_choice', 'NEXT_LOCALE', 'next-auth.session-token', '__Secure-next-auth.session-token', '__Host-next-auth.csrf-token'])
      expect(isNecessaryCookie(name)).toBe(true);
    for (const name of ['_ga', '_fbp', 'analytics', 'cookie_choice2']) expect(isNecessaryCookie(name)).toBe(false);
  });
});

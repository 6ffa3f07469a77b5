import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { translateMessage } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';
import { dateOfBirthProblem, isAdult } from './age';

/** A message reference as an English reader sees it. */
const en = (m: string | null | undefined) => (m ? translateMessage(translatorFor('en'), m) : m);

// Noon UTC is the same calendar day in Bratislava.
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('age rule', () => {
  test('ACC-3 the 18th birthday counts as adult, the day before does not', () => {
    expect(isAdult('2008-11-25', at('2026-11-25'))).toBe(true);
    expect(isAdult('2008-11-26', at('2026-11-25'))).toBe(false);
    expect(isAdult('1990-04-12', at('2026-11-25'))).toBe(true);
  });

  test('ACC-3 the date is the calendar date in Europe/Bratislava, not UTC', () => {
    // 23:30 UTC on 24 Nov is already 25 Nov in Bratislava (UTC+1).
    expect(isAdult('2008-11-25', new Date('2026-11-24T23:30:00Z'))).toBe(true);
    // 22:30 UTC on 24 Nov is still 24 Nov there.
    expect(isAdult('2008-11-25', new Date('2026-11-24T22:30:00Z'))).toBe(false);
    // Summer time (UTC+2): 22:30 UTC on 11 Jun is 12 Jun in Bratislava.
    expect(isAdult('2008-06-12', new Date('2026-06-11T22:30:00Z'))).toBe(true);
  });

  test('ACC-3 someone born on 29 February is adult from 1 March in a common year', () => {
    expect(isAdult('2008-02-29', at('2026-02-28'))).toBe(false);
    expect(isAdult('2008-02-29', at('2026-03-01'))).toBe(true);
    expect(isAdult('2010-02-29', at('2040-01-01'))).toBe(false); // 2010-02-29 does not exist
    expect(isAdult('2012-02-29', at('2030-02-28'))).toBe(false);
    expect(isAdult('2012-02-29', at('2030-03-01'))).toBe(true);
  });

  test('ACC-3 impossible or future dates are refused', () => {
    expect(en(dateOfBirthProblem('2026-02-30', at('2026-11-25')))).toMatch(/date of birth/);
    expect(en(dateOfBirthProblem('', at('2026-11-25')))).toMatch(/date of birth/);
    expect(en(dateOfBirthProblem('2027-01-01', at('2026-11-25')))).toMatch(/real date/);
    expect(en(dateOfBirthProblem('1899-12-31', at('2026-11-25')))).toMatch(/real date/);
    expect(en(dateOfBirthProblem('1990-04-12', at('2026-11-25')))).toBeNull();
  });

  test('ACC-3 property: adult exactly when at least 18 whole years have passed', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40 * 366 }),
        (birth, daysLater) => {
          const dob = birth.toISOString().slice(0, 10);
          const now = new Date(Date.UTC(birth.getUTCFullYear(), birth.getUTCMonth(), birth.getUTCDate(), 12) + daysLater * 86_400_000);
          const today = now.toISOString().slice(0, 10);
          const [by, bm, bd] = dob.split('-').map(Number);
          const [ty, tm, td] = today.split('-').map(Number);
          const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
          return isAdult(dob, now) === age >= 18;
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('ACC-3 property: once adult, always adult', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2010-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 5000 }), (birth, extra) => {
        const dob = birth.toISOString().slice(0, 10);
        const t = new Date('2028-06-01T12:00:00Z');
        return !isAdult(dob, t) || isAdult(dob, new Date(t.getTime() + extra * 86_400_000));
      }),
    );
  });
});

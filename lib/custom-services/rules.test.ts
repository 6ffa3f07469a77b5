import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseMessageRef } from '@/lib/i18n/message-ref';
import { canTransition, checkTransition, CUSTOM_SERVICE_STATUSES, namesMatch, parseEuroCents, proposalEditable, requestReference, type CustomServiceStatus } from './rules';

const ALLOWED = new Set([
  'requested>in_review',
  'requested>refused',
  'in_review>proposed',
  'in_review>refused',
  'proposed>approved',
  'proposed>in_review', // staff withdraw a proposal before the customer approves
  'approved>in_progress',
  'in_progress>delivered',
]);

const pairs: [CustomServiceStatus, CustomServiceStatus][] = CUSTOM_SERVICE_STATUSES.flatMap((from) => CUSTOM_SERVICE_STATUSES.map((to) => [from, to] as [CustomServiceStatus, CustomServiceStatus]));

describe('CUS-5 the status machine', () => {
  test.each(pairs)('CUS-5 %s → %s is allowed only when the rules list it', (from, to) => {
    const allowed = ALLOWED.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    const check = checkTransition(from, to);
    expect(check.ok).toBe(allowed);
    if (!check.ok) expect(parseMessageRef(check.message)).toEqual({ key: `customServices.errors.transition.${to}`, values: { from, to } });
  });

  test('CUS-5 refused and delivered are final; nothing returns to requested', () => {
    for (const to of CUSTOM_SERVICE_STATUSES) {
      expect(canTransition('refused', to)).toBe(false);
      expect(canTransition('delivered', to)).toBe(false);
      expect(canTransition(to, 'requested')).toBe(false);
    }
  });

  test('CUS-4 CUS-5 proposal terms can be written only in review, never after approval', () => {
    expect(CUSTOM_SERVICE_STATUSES.filter(proposalEditable)).toEqual(['in_review']);
    expect(canTransition('approved', 'in_review')).toBe(false);
    expect(canTransition('approved', 'proposed')).toBe(false);
  });
});

describe('CUS-4 approving by typing the full name', () => {
  test('CUS-4 the typed name matches ignoring case and spacing', () => {
    expect(namesMatch('  jana   NOVÁKOVÁ ', 'Jana Nováková')).toBe(true);
    expect(namesMatch('Jana Novak', 'Jana Nováková')).toBe(false);
    expect(namesMatch('', '')).toBe(false);
  });
  test('CUS-4 any name matches itself with other casing and spacing', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { minLength: 1, maxLength: 4 }), (words) => {
        const name = words.join(' ');
        expect(namesMatch(`  ${words.join('   ').toUpperCase()} `, name)).toBe(true);
      }),
    );
  });
});

describe('CUS-3 prices and references', () => {
  test('CUS-3 a price in euros becomes whole cents; zero, negatives and three decimals are refused', () => {
    expect(parseEuroCents('1200')).toBe(120000);
    expect(parseEuroCents('12,5')).toBe(1250);
    expect(parseEuroCents('1 200.99')).toBe(120099);
    for (const bad of ['0', '-5', '1.234', 'abc', '']) expect(parseEuroCents(bad)).toBeNull();
  });
  test('CUS-1 references are CS-year-number', () => {
    expect(requestReference(2026, 12)).toBe('CS-2026-000012');
  });
});

describe('CUS-5 refusal messages', () => {
  test('CUS-5 every refused move has its explanation in English and Dutch', async () => {
    const { catalogues } = await import('@/lib/i18n/catalogue');
    for (const to of CUSTOM_SERVICE_STATUSES) {
      expect(catalogues.en.customServices.errors.transition[to]).toBeTruthy();
      expect(catalogues.nl.customServices.errors.transition[to]).toBeTruthy();
    }
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { grantIsActive, groundSkipsWarning, staffAccessExpiry, STAFF_ACCESS_MINUTES, SUSPENSION_GROUNDS, suspensionAllowed, WARNING_VALID_DAYS } from './rules';

const now = new Date('2026-11-26T10:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe('CAN-3 suspension rules', () => {
  test('CAN-3 only fraud and illegal use skip the contact attempt and warning', () => {
    expect(SUSPENSION_GROUNDS.filter(groundSkipsWarning)).toEqual(['fraud', 'illegal_use']);
    for (const ground of SUSPENSION_GROUNDS) {
      expect(suspensionAllowed({ ground, attempts: [], lastReactivatedAt: null, now })).toBe(groundSkipsWarning(ground));
    }
  });

  test('CAN-3 a suspension needs a sent warning, newer than the last reactivation and at most 30 days old', () => {
    const warned = (daysAgo: number) => ({ recordedAt: minutes(-daysAgo * 1440), warningSentAt: minutes(-daysAgo * 1440) });
    expect(suspensionAllowed({ ground: 'abuse', attempts: [warned(1)], lastReactivatedAt: null, now })).toBe(true);
    expect(suspensionAllowed({ ground: 'abuse', attempts: [{ recordedAt: minutes(-60), warningSentAt: null }], lastReactivatedAt: null, now })).toBe(false);
    expect(suspensionAllowed({ ground: 'terms_breach', attempts: [warned(WARNING_VALID_DAYS + 1)], lastReactivatedAt: null, now })).toBe(false);
    expect(suspensionAllowed({ ground: 'non_payment', attempts: [warned(3)], lastReactivatedAt: minutes(-1440), now })).toBe(false);
    expect(suspensionAllowed({ ground: 'non_payment', attempts: [warned(3), warned(0.5)], lastReactivatedAt: minutes(-1440), now })).toBe(true);
  });

  test('CAN-3 property: without any warning only fraud and illegal use are allowed, whatever the dates', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUSPENSION_GROUNDS), fc.date({ min: new Date('2026-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }), (ground, at) => {
        expect(suspensionAllowed({ ground, attempts: [{ recordedAt: at, warningSentAt: null }], lastReactivatedAt: null, now: at })).toBe(groundSkipsWarning(ground));
      }),
    );
  });
});

describe('ACC-10 staff access time limit', () => {
  test('ACC-10 a grant lasts 30 minutes and ends when ended', () => {
    expect(STAFF_ACCESS_MINUTES).toBe(30);
    const grant = { endedAt: null, expiresAt: staffAccessExpiry(now) };
    expect(grant.expiresAt).toEqual(minutes(30));
    expect(grantIsActive(grant, minutes(29.99))).toBe(true);
    expect(grantIsActive(grant, minutes(30))).toBe(false);
    expect(grantIsActive({ ...grant, endedAt: minutes(5) }, minutes(6))).toBe(false);
  });

  test('ACC-10 property: a grant is active exactly in [start, start + 30 min)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }), fc.integer({ min: -10_000, max: 4_000_000 }), (start, offsetMs) => {
        const at = new Date(start.getTime() + offsetMs);
        expect(grantIsActive({ endedAt: null, expiresAt: staffAccessExpiry(start) }, at)).toBe(offsetMs < STAFF_ACCESS_MINUTES * 60_000);
      }),
    );
  });
});

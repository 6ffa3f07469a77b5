import { describe, expect, test } from 'vitest';
import { checkSetupReference, createSetupReference, SETUP_REFERENCE_TTL_MS } from './payment-setup';
import { firstPeriodIsDue } from './subscriptions';

const me = { accountId: '0b3c1b36-0000-4000-a000-000000000001', sessionId: 'session-1' };
const at = new Date('2026-11-26T10:00:00Z');

describe('payment setup reference', () => {
  test('PAY-5 the processor reference is accepted only for the account and session that started it', () => {
    const ref = createSetupReference(me, at);
    expect(checkSetupReference(ref, me, at)).toBe('ok');
    expect(checkSetupReference(ref, { ...me, sessionId: 'session-2' }, at)).toBe('invalid');
    expect(checkSetupReference(ref, { ...me, accountId: '0b3c1b36-0000-4000-a000-000000000002' }, at)).toBe('invalid');
    expect(checkSetupReference(`${ref}x`, me, at)).toBe('invalid');
    expect(checkSetupReference('not-a-reference', me, at)).toBe('invalid');
  });

  test('PAY-5 the processor reference expires after an hour', () => {
    const ref = createSetupReference(me, at);
    expect(checkSetupReference(ref, me, new Date(at.getTime() + SETUP_REFERENCE_TTL_MS - 1000))).toBe('ok');
    expect(checkSetupReference(ref, me, new Date(at.getTime() + SETUP_REFERENCE_TTL_MS + 1000))).toBe('expired');
  });

  test('PAY-3 the first period is due during the trial and after a trial ended unpaid, not with an open renewal', () => {
    expect(firstPeriodIsDue({ status: 'trialing', dunningInvoiceId: null })).toBe(true);
    expect(firstPeriodIsDue({ status: 'suspended', dunningInvoiceId: null })).toBe(true);
    expect(firstPeriodIsDue({ status: 'suspended', dunningInvoiceId: 'inv' })).toBe(false);
    expect(firstPeriodIsDue({ status: 'active', dunningInvoiceId: null })).toBe(false);
    expect(firstPeriodIsDue({ status: 'past_due', dunningInvoiceId: 'inv' })).toBe(false);
  });
});

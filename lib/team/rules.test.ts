import { describe, expect, test } from 'vitest';
import { canGrantRole, canManageMember, canManageUsers, inviteDecision, missingBillingDetails } from './rules';

const fullProfile = { name: 'Jana Nováková', invoiceEmail: 'billing@example.sk', company: 'Firma s.r.o.', street: 'Hlavná 1', city: 'Bratislava', postalCode: '811 01', region: 'Bratislavský kraj', country: 'SK', companyId: '35757442' };

describe('ACC-7 team roles and seats', () => {
  test('ACC-7 owners and admins manage users; agents do not; nobody removes the owner', () => {
    expect(canManageUsers('owner')).toBe(true);
    expect(canManageUsers('admin')).toBe(true);
    expect(canManageUsers('agent')).toBe(false);
    expect(canManageMember('owner', 'admin')).toBe(true);
    expect(canManageMember('admin', 'admin')).toBe(false);
    expect(canManageMember('admin', 'agent')).toBe(true);
    expect(canManageMember('owner', 'owner')).toBe(false);
    expect(canGrantRole('admin', 'admin')).toBe(false);
    expect(canGrantRole('admin', 'agent')).toBe(true);
  });

  test('ACC-7 the seat count limits users, owner and open invitations included', () => {
    expect(inviteDecision({ kind: 'seats', seats: 3 }, 2)).toEqual({ ok: true, extra: false });
    expect(inviteDecision({ kind: 'seats', seats: 3 }, 3)).toEqual({ ok: false, reason: 'no_seats', seats: 3 });
    expect(inviteDecision({ kind: 'seats', seats: 1 }, 1)).toMatchObject({ ok: false });
  });

  test('APS-6 a deal account adds one more user besides the owner for free', () => {
    const deal = { kind: 'deal' as const, lifetimeSeats: 2, extraSeatPriceCents: 3900, missingBilling: missingBillingDetails(null), hasPaymentMethod: false };
    expect(inviteDecision(deal, 1)).toEqual({ ok: true, extra: false });
  });

  test('APS-9 the first extra user needs full billing details and a payment method', () => {
    const none = { kind: 'deal' as const, lifetimeSeats: 2, extraSeatPriceCents: 3900, missingBilling: missingBillingDetails(null), hasPaymentMethod: false };
    expect(inviteDecision(none, 2)).toMatchObject({ ok: false, reason: 'billing_required', needsPaymentMethod: true });
    const detailsOnly = { ...none, missingBilling: missingBillingDetails(fullProfile) };
    expect(inviteDecision(detailsOnly, 2)).toEqual({ ok: false, reason: 'billing_required', missing: [], needsPaymentMethod: true });
    expect(inviteDecision({ ...detailsOnly, hasPaymentMethod: true }, 2)).toEqual({ ok: true, extra: true });
  });

  test('APS-9 company, region and (where the country asks) company ID count as billing details', () => {
    expect(missingBillingDetails({ ...fullProfile, company: '', region: ' ' })).toEqual(['company', 'region']);
    expect(missingBillingDetails({ ...fullProfile, companyId: '' })).toEqual(['companyId']);
    expect(missingBillingDetails({ ...fullProfile, country: 'NL', companyId: '' })).toEqual([]);
  });
});

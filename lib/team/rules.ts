// ACC-7, APS-6, APS-9: who may manage the team, and whether one more person may be invited.
import { COMPANY_ID_RULES } from '@/lib/billing/countries';

export type MemberRole = 'owner' | 'admin' | 'agent';

/** Owners and admins manage users; agents work tickets only. */
export function canManageUsers(role: MemberRole): boolean {
  return role === 'owner' || role === 'admin';
}

/** Nobody removes the owner; only the owner removes (or changes) an admin. */
export function canManageMember(actor: MemberRole, target: MemberRole): boolean {
  if (target === 'owner') return false;
  if (target === 'admin') return actor === 'owner';
  return canManageUsers(actor);
}

/** Only the owner hands out the admin role. */
export function canGrantRole(actor: MemberRole, role: Exclude<MemberRole, 'owner'>): boolean {
  return role === 'admin' ? actor === 'owner' : canManageUsers(actor);
}

/** APS-9: the billing details a deal account needs before its first extra user. */
export type BillingField = 'name' | 'invoiceEmail' | 'company' | 'street' | 'city' | 'postalCode' | 'region' | 'country' | 'companyId';

export function missingBillingDetails(
  profile: { name: string; invoiceEmail: string; company: string; street: string; city: string; postalCode: string; region: string; country: string; companyId: string } | null,
): BillingField[] {
  const all: BillingField[] = ['name', 'invoiceEmail', 'company', 'street', 'city', 'postalCode', 'region', 'country'];
  if (!profile) return [...all, 'companyId'];
  const missing = all.filter((f) => !profile[f].trim());
  if (!profile.companyId.trim() && (!profile.country || COMPANY_ID_RULES[profile.country])) missing.push('companyId');
  return missing;
}

export type SeatPlan =
  /** Trial and paid accounts: the subscription's seat count, owner included. */
  | { kind: 'seats'; seats: number }
  /** Deal accounts: the lifetime seats are free; more users are allowed but billed (APS-7). */
  | { kind: 'deal'; lifetimeSeats: number; extraSeatPriceCents: number; missingBilling: BillingField[]; hasPaymentMethod: boolean };

export type InviteDecision =
  | { ok: true; extra: boolean }
  | { ok: false; reason: 'no_seats'; seats: number }
  | { ok: false; reason: 'billing_required'; missing: BillingField[]; needsPaymentMethod: boolean };

/**
 * Whether one more person may be invited, given the seats already taken: active users (owner
 * included) plus open invitations, which hold a seat until they are accepted, revoked or expire.
 */
export function inviteDecision(plan: SeatPlan, taken: number): InviteDecision {
  if (plan.kind === 'seats') return taken < plan.seats ? { ok: true, extra: false } : { ok: false, reason: 'no_seats', seats: plan.seats };
  if (taken < plan.lifetimeSeats) return { ok: true, extra: false };
  if (plan.missingBilling.length || !plan.hasPaymentMethod)
    return { ok: false, reason: 'billing_required', missing: plan.missingBilling, needsPaymentMethod: !plan.hasPaymentMethod };
  return { ok: true, extra: true };
}

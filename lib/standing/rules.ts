// CAN-3 and ACC-10 pure rules: suspension grounds, when a warning is owed, and how long staff
// access lasts. No database, no clock: `now` is a parameter.
import { sellerSnapshot } from '@/lib/invoices/seller';

/** Why staff suspend an account. APS-3's shared deal code is abuse that counts as fraud. */
export const SUSPENSION_GROUNDS = ['non_payment', 'abuse', 'terms_breach', 'fraud', 'illegal_use'] as const;
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];

/** CAN-3 (decision): only fraud or illegal use skip the contact attempt and the warning email. */
export function groundSkipsWarning(ground: SuspensionGround): boolean {
  return ground === 'fraud' || ground === 'illegal_use';
}

export const CONTACT_CHANNELS = ['email', 'phone'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** A warning counts for this long: an owner warned months ago is warned again first. */
export const WARNING_VALID_DAYS = 30;

export interface WarningRecord {
  recordedAt: Date;
  warningSentAt: Date | null;
}

/**
 * Whether staff may suspend on `ground` now: fraud and illegal use always may; any other ground
 * needs a contact attempt whose warning email went out after the last reactivation and within
 * WARNING_VALID_DAYS.
 */
export function suspensionAllowed(input: { ground: SuspensionGround; attempts: WarningRecord[]; lastReactivatedAt: Date | null; now: Date }): boolean {
  if (groundSkipsWarning(input.ground)) return true;
  const oldest = input.now.getTime() - WARNING_VALID_DAYS * 86_400_000;
  return input.attempts.some(
    (a) =>
      a.warningSentAt !== null &&
      a.warningSentAt.getTime() >= oldest &&
      a.warningSentAt.getTime() <= input.now.getTime() &&
      (!input.lastReactivatedAt || a.warningSentAt.getTime() > input.lastReactivatedAt.getTime()),
  );
}

/** ACC-10: staff access ends by itself this many minutes after it started. */
export const STAFF_ACCESS_MINUTES = 30;

export function staffAccessExpiry(startedAt: Date): Date {
  return new Date(startedAt.getTime() + STAFF_ACCESS_MINUTES * 60_000);
}

/** An access grant gives access while it is neither ended nor past its expiry. */
export function grantIsActive(grant: { endedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return grant.endedAt === null && now.getTime() < grant.expiresAt.getTime();
}

/** Where a suspended customer asks: SUPPORT_EMAIL, else the seller's address from configuration. */
export function supportEmail(): string {
  return process.env.SUPPORT_EMAIL?.trim() || sellerSnapshot().email;
}

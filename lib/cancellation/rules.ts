// CAN-1 pure rules: the owner confirms "Stop account" by typing the account address.
import { accountBaseDomain } from '@/lib/accounts/address';

/**
 * True when `typed` names this account: either the bare slug or the full address
 * `<slug>.<base domain>`, ignoring case and surrounding spaces.
 */
export function confirmationMatches(slug: string, typed: string, baseDomain = accountBaseDomain()): boolean {
  const t = typed.trim().toLowerCase();
  const s = slug.trim().toLowerCase();
  if (!t || !s) return false;
  return t === s || t === `${s}.${baseDomain.toLowerCase()}`;
}

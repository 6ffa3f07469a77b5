import { accountAddress, accountBaseDomain } from '@/lib/accounts/address';

export { accountAddress };

/** What staff typed as an address ("acme.accountdesk.app" or "acme") → the slug part to match. */
export function addressToSlugQuery(input: string): string {
  const s = input.trim();
  const suffix = `.${accountBaseDomain()}`;
  return s.toLowerCase().endsWith(suffix) ? s.slice(0, -suffix.length) : s;
}

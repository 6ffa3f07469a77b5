// The account address as staff see it: `<slug>.<base domain>`. Same rule as accountAddress() in
// lib/accounts/slug.ts (signup branch); when both are merged this can re-export that one.

export function baseDomain(): string {
  return (process.env.ACCOUNT_BASE_DOMAIN || 'accountdesk.app').toLowerCase();
}

export function accountAddress(slug: string): string {
  return `${slug}.${baseDomain()}`;
}

/** What staff typed as an address ("acme.accountdesk.app" or "acme") → the slug part to match. */
export function addressToSlugQuery(input: string): string {
  const s = input.trim();
  const suffix = `.${baseDomain()}`;
  return s.toLowerCase().endsWith(suffix) ? s.slice(0, -suffix.length) : s;
}

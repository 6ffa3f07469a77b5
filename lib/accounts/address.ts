// The account's public address `<slug>.<base domain>` (ACC-1). The base domain is configurable.
export function accountBaseDomain(): string {
  return (process.env.ACCOUNT_BASE_DOMAIN || 'accountdesk.app').toLowerCase();
}

export function accountAddress(slug: string): string {
  return `${slug.toLowerCase()}.${accountBaseDomain()}`;
}

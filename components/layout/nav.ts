import type { NavItem } from './nav-links';

interface AccountNavItem extends NavItem {
  ownerOnly?: boolean;
  /** PAY-2: still reachable while the account is suspended. */
  whileSuspended?: boolean;
}

export const ACCOUNT_NAV: AccountNavItem[] = [
  { href: '/account', label: 'My account' },
  { href: '/account/users', label: 'Users', ownerOnly: true },
  { href: '/account/plan', label: 'Plan', ownerOnly: true },
  { href: '/account/billing', label: 'Billing', ownerOnly: true, whileSuspended: true },
  { href: '/account/invoices', label: 'Invoices', ownerOnly: true, whileSuspended: true },
  { href: '/account/privacy', label: 'Privacy' },
  { href: '/account/custom-services', label: 'Custom services' },
  { href: '/account/security', label: 'Security', whileSuspended: true },
  { href: '/account/audit', label: 'Audit log', ownerOnly: true },
  { href: '/account/stop', label: 'Stop account', ownerOnly: true, whileSuspended: true },
];

/** The sections a member can open: owners see everything; a suspended account billing and security. */
export function accountNav({ isOwner, suspended }: { isOwner: boolean; suspended: boolean }): NavItem[] {
  if (suspended && !isOwner)
    return [
      { href: '/account/billing', label: 'Billing' },
      { href: '/account/security', label: 'Security' },
    ];
  return ACCOUNT_NAV.filter((i) => (isOwner || !i.ownerOnly) && (!suspended || i.whileSuspended)).map(({ href, label }) => ({ href, label }));
}

export const STAFF_NAV: NavItem[] = [
  { href: '/staff', label: 'Dashboard' },
  { href: '/staff/accounts', label: 'Accounts' },
  { href: '/staff/invoices', label: 'Invoices' },
  { href: '/staff/gdpr', label: 'Privacy requests' },
  { href: '/staff/custom-services', label: 'Custom services' },
  { href: '/staff/deals', label: 'Deals' },
  { href: '/staff/cancellations', label: 'Cancellations' },
  { href: '/staff/prices', label: 'Prices' },
  { href: '/staff/terms', label: 'Terms' },
  { href: '/staff/maintenance', label: 'Maintenance' },
  { href: '/staff/outbox', label: 'Outbox' },
  { href: '/staff/audit', label: 'Audit log' },
];

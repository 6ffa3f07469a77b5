// Labels are keys under common.nav in the message catalogues.
import type { NavItem } from './nav-links';

/** Who sees an owner-portal section. */
export interface SectionAudience {
  ownerOnly?: boolean;
  /** ACC-7: owners and admins. */
  managersOnly?: boolean;
}

export function sectionVisibleTo(role: 'owner' | 'admin' | 'agent', item: SectionAudience): boolean {
  if (role === 'owner') return true;
  return !item.ownerOnly && (!item.managersOnly || role === 'admin');
}

interface AccountNavItem extends NavItem, SectionAudience {
  /** PAY-2: still reachable while the account is suspended. */
  whileSuspended?: boolean;
}

export const ACCOUNT_NAV: AccountNavItem[] = [
  { href: '/account', label: 'myAccount' },
  { href: '/account/users', label: 'users', managersOnly: true },
  { href: '/account/plan', label: 'plan', ownerOnly: true },
  { href: '/account/billing', label: 'billing', ownerOnly: true, whileSuspended: true },
  { href: '/account/invoices', label: 'invoices', ownerOnly: true, whileSuspended: true },
  { href: '/account/privacy', label: 'privacy' },
  { href: '/account/custom-services', label: 'customServices', managersOnly: true },
  { href: '/account/security', label: 'security', whileSuspended: true },
  { href: '/account/audit', label: 'auditLog', ownerOnly: true },
  { href: '/account/stop', label: 'stopAccount', ownerOnly: true, whileSuspended: true },
];

/** The sections a member can open: owners see everything; a suspended account billing and security. */
export function accountNav({ role, suspended }: { role: 'owner' | 'admin' | 'agent'; suspended: boolean }): NavItem[] {
  if (suspended && role !== 'owner')
    return [
      { href: '/account/billing', label: 'billing' },
      { href: '/account/security', label: 'security' },
    ];
  return ACCOUNT_NAV.filter((i) => sectionVisibleTo(role, i) && (!suspended || i.whileSuspended)).map(({ href, label }) => ({ href, label }));
}

export const STAFF_NAV: NavItem[] = [
  { href: '/staff', label: 'dashboard' },
  { href: '/staff/accounts', label: 'accounts' },
  { href: '/staff/invoices', label: 'invoices' },
  { href: '/staff/gdpr', label: 'privacyRequests' },
  { href: '/staff/custom-services', label: 'customServices' },
  { href: '/staff/deals', label: 'deals' },
  { href: '/staff/cancellations', label: 'cancellations' },
  { href: '/staff/prices', label: 'prices' },
  { href: '/staff/enterprise', label: 'enterprise' },
  { href: '/staff/terms', label: 'terms' },
  { href: '/staff/login-sharing', label: 'loginSharing' },
  { href: '/staff/maintenance', label: 'maintenance' },
  { href: '/staff/announcements', label: 'announcements' },
  { href: '/staff/outbox', label: 'outbox' },
  { href: '/staff/audit', label: 'auditLog' },
];

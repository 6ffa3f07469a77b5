import type { NavItem } from './nav-links';

export const ACCOUNT_NAV: NavItem[] = [
  { href: '/account', label: 'My account' },
  { href: '/account/users', label: 'Users' },
  { href: '/account/plan', label: 'Plan' },
  { href: '/account/billing', label: 'Billing' },
  { href: '/account/invoices', label: 'Invoices' },
  { href: '/account/privacy', label: 'Privacy' },
  { href: '/account/custom-services', label: 'Custom services' },
  { href: '/account/security', label: 'Security' },
  { href: '/account/audit', label: 'Audit log' },
  { href: '/account/stop', label: 'Stop account' },
];

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

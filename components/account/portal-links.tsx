import Link from 'next/link';

export interface PortalLink {
  href: string;
  title: string;
  description: string;
  ownerOnly?: boolean;
  danger?: boolean;
}

export const PORTAL_LINKS: PortalLink[] = [
  { href: '/account/users', title: 'Users', description: 'Invite admins and agents and manage their logins.', ownerOnly: true },
  { href: '/account/plan', title: 'Plan', description: 'Your plan, seats and prices.', ownerOnly: true },
  { href: '/account/billing', title: 'Billing', description: 'Payment method, billing details and VAT number.', ownerOnly: true },
  { href: '/account/invoices', title: 'Invoices', description: 'Download your invoices and credit notes.', ownerOnly: true },
  { href: '/account/privacy', title: 'Privacy', description: 'Your consents and requests about your personal data.' },
  { href: '/account/custom-services', title: 'Custom services', description: 'Agreements for work beyond the standard service.' },
  { href: '/account/security', title: 'Security', description: 'Where you are signed in, and signing out everywhere.' },
  { href: '/account/audit', title: 'Audit log', description: 'Who did what in your account, and when.', ownerOnly: true },
  { href: '/account/stop', title: 'Stop account', description: 'End the service and delete the account’s data.', ownerOnly: true, danger: true },
];

export function PortalLinks({ isOwner }: { isOwner: boolean }) {
  const links = PORTAL_LINKS.filter((l) => isOwner || !l.ownerOnly);
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {links.map((l) => (
        <li key={l.href}>
          <Link
            href={l.href}
            className={`block h-full rounded-lg border bg-white p-4 no-underline shadow-sm transition hover:no-underline hover:shadow ${
              l.danger ? 'border-red-200 hover:border-red-300' : 'border-slate-200 hover:border-brand-600/40'
            }`}
          >
            <span className={`block text-sm font-semibold ${l.danger ? 'text-red-800' : 'text-slate-900'}`}>{l.title}</span>
            <span className="mt-1 block text-sm text-slate-600">{l.description}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

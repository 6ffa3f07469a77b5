import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

import { sectionVisibleTo, type SectionAudience } from '@/components/layout/nav';

export interface PortalLink extends SectionAudience {
  href: string;
  /** Under account.links.<key>: its title and description. */
  key: 'users' | 'plan' | 'billing' | 'invoices' | 'privacy' | 'customServices' | 'security' | 'audit' | 'stop';
  danger?: boolean;
}

export const PORTAL_LINKS: PortalLink[] = [
  { href: '/account/users', key: 'users', managersOnly: true },
  { href: '/account/plan', key: 'plan', ownerOnly: true },
  { href: '/account/billing', key: 'billing', ownerOnly: true },
  { href: '/account/invoices', key: 'invoices', ownerOnly: true },
  { href: '/account/privacy', key: 'privacy' },
  { href: '/account/custom-services', key: 'customServices' },
  { href: '/account/security', key: 'security' },
  { href: '/account/audit', key: 'audit', ownerOnly: true },
  { href: '/account/stop', key: 'stop', ownerOnly: true, danger: true },
];

export async function PortalLinks({ role }: { role: 'owner' | 'admin' | 'agent' }) {
  const t = await getTranslations('account.links');
  const links = PORTAL_LINKS.filter((l) => sectionVisibleTo(role, l));
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
            <span className={`block text-sm font-semibold ${l.danger ? 'text-red-800' : 'text-slate-900'}`}>{t(`${l.key}.title`)}</span>
            <span className="mt-1 block text-sm text-slate-600">{t(`${l.key}.description`)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

'use client';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  /** A key under common.nav. */
  label: string;
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const path = usePathname();
  const t = useTranslations('common.nav');
  return (
    <nav aria-label={t('label')}>
      <ul className="flex gap-1 overflow-x-auto pb-1 md:flex-col md:overflow-visible">
        {items.map((item) => {
          const active = path === item.href || (item.href.split('/').length > 2 && path.startsWith(item.href + '/'));
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={`block rounded-md px-3 py-2 text-sm no-underline hover:no-underline ${
                  active ? 'bg-brand-50 font-medium text-brand-800' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
                }`}
              >
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

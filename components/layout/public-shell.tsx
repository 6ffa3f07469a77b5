import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { CookieConsent, CookieSettingsLink } from '@/components/privacy/cookie-consent';
import { Brand } from './brand';
import { LanguageSelect } from './language-select';

const NAV = [
  { href: '/pricing', key: 'pricing' },
  { href: '/terms', key: 'terms' },
  { href: '/privacy', key: 'privacy' },
  { href: '/status', key: 'status' },
] as const;

export async function PublicShell({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('common.publicNav');
  return (
    <div className="flex min-h-screen flex-col">
      <CookieConsent />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Brand />
          <nav aria-label={t('label')} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            {NAV.map((n) => (
              <Link key={n.href} href={n.href} className="text-slate-600 hover:text-slate-900">
                {t(n.key)}
              </Link>
            ))}
            <Link href="/login" className="text-slate-600 hover:text-slate-900">
              {t('signIn')}
            </Link>
            <Link href="/signup" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white no-underline hover:bg-brand-800 hover:no-underline">
              {t('startTrial')}
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm text-slate-600">
          <p>{t('operator')}</p>
          <nav aria-label={t('footerLabel')} className="flex flex-wrap items-center gap-4">
            <Link href="/terms">{t('terms')}</Link>
            <Link href="/privacy">{t('privacy')}</Link>
            <Link href="/privacy/request">{t('privacyRequests')}</Link>
            <Link href="/unsubscribe">{t('unsubscribe')}</Link>
            <CookieSettingsLink />
          </nav>
          <LanguageSelect />
        </div>
      </footer>
    </div>
  );
}

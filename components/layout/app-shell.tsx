// The signed-in frame for the owner portal and the staff back office: a header with the
// person's name and "Sign out", and a navigation list (a sidebar on wide screens).
import { CookieConsent, CookieSettingsLink } from '@/components/privacy/cookie-consent';
import { Brand } from './brand';
import { LanguageSelect } from './language-select';
import { NavLinks, type NavItem } from './nav-links';
import { SignOutButton } from './sign-out-button';

export function AppShell({
  home,
  nav,
  who,
  context,
  banners,
  children,
}: {
  home: string;
  nav: NavItem[];
  who: string;
  context?: string;
  banners?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <CookieConsent />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-3">
            <Brand href={home} />
            {context && <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{context}</span>}
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden text-slate-600 sm:inline">{who}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      {banners}
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-56 md:shrink-0">
          <NavLinks items={nav} />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-end gap-4 px-4 py-4 text-sm text-slate-600">
          <CookieSettingsLink />
          <LanguageSelect />
        </div>
      </footer>
    </div>
  );
}

import Link from 'next/link';
import { Brand } from './brand';

const NAV = [
  { href: '/pricing', label: 'Pricing' },
  { href: '/terms', label: 'Terms' },
  { href: '/privacy', label: 'Privacy' },
  { href: '/status', label: 'Status' },
];

export function PublicShell({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Brand />
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            {NAV.map((n) => (
              <Link key={n.href} href={n.href} className="text-slate-600 hover:text-slate-900">
                {n.label}
              </Link>
            ))}
            <Link href="/login" className="text-slate-600 hover:text-slate-900">
              Sign in
            </Link>
            <Link href="/signup" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white no-underline hover:bg-brand-800 hover:no-underline">
              Start free trial
            </Link>
          </nav>
        </div>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-6 text-sm text-slate-500">
          <p>Accountdesk is operated by the vendor named in our terms, a company registered in Slovakia.</p>
          <p className="flex gap-4">
            <Link href="/terms">Terms</Link>
            <Link href="/privacy">Privacy</Link>
            <Link href="/privacy/request">Privacy requests</Link>
            <Link href="/unsubscribe">Unsubscribe</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}

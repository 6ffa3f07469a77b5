import type { Metadata, Viewport } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { SkipLink } from '@/components/layout/skip-link';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.meta');
  return {
    title: { default: 'Accountdesk', template: '%s · Accountdesk' },
    description: t('description'),
  };
}
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The CSP allows only scripts carrying this request's nonce (proxy.ts), and Next.js stamps it on
  // its scripts only while rendering a request: so every page renders per request, none is served
  // as prerendered HTML (whose scripts would carry no nonce and be blocked).
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* No message catalogue for the browser here: the shells are worded on the server, and the
            layouts of pages with forms provide what those read (lib/i18n/client-messages.ts). */}
        <SkipLink />
        {children}
      </body>
    </html>
  );
}

import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Accountdesk', template: '%s · Accountdesk' },
  description: 'Accounts, billing and privacy for your helpdesk subscription.',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The CSP allows only scripts carrying this request's nonce (proxy.ts), and Next.js stamps it on
  // its scripts only while rendering a request: so every page renders per request, none is served
  // as prerendered HTML (whose scripts would carry no nonce and be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}

import { ClientMessages } from '@/components/i18n/client-messages';

// The messages this page's form reads in the browser (lib/i18n/client-messages.ts).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages name="appsumo">{children}</ClientMessages>;
}

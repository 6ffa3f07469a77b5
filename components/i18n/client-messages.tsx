// The catalogue subtrees the client components under a layout or page read, and nothing more (see
// lib/i18n/client-messages.ts). Wrap everything the layout or page renders: this provider replaces the
// one above it for its whole subtree.
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { CLIENT_MESSAGES, pickMessages, type ClientMessagesName } from '@/lib/i18n/client-messages';

export async function ClientMessages({ name, children }: { name: ClientMessagesName; children: React.ReactNode }) {
  const messages = pickMessages(await getMessages(), CLIENT_MESSAGES[name]);
  return <NextIntlClientProvider messages={messages as AbstractIntlMessages}>{children}</NextIntlClientProvider>;
}

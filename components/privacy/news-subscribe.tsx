// GDPR-10: "Subscribe to product news" on the home page, with the messages its form reads in the
// browser (the home page's layout hands its client components only the shell's).
import { ClientMessages } from '@/components/i18n/client-messages';
import { NewsSubscribeForm } from './address-forms';

export function NewsSubscribe() {
  return (
    <ClientMessages name="addresses">
      <NewsSubscribeForm />
    </ClientMessages>
  );
}

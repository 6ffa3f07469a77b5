// PAY-5: how a payment method is shown to people (owners and staff alike): brand and last four
// with the expiry, or the PayPal address — never the processor's token. In the reader's language
// (English unless told).
import type { Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';

export interface PaymentMethodShown {
  kind: 'card' | 'paypal';
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  paypalEmail: string | null;
}

export function paymentMethodLabel(pm: PaymentMethodShown, locale: Locale = 'en'): string {
  const t = translatorFor(locale);
  if (pm.kind === 'paypal') return pm.paypalEmail ? t('billing.paymentMethod.paypal', { email: pm.paypalEmail }) : t('billing.paymentMethod.paypalNoAddress');
  const card = { brand: pm.brand ?? t('billing.paymentMethod.card'), last4: pm.last4 ?? '????' };
  return pm.expMonth && pm.expYear
    ? t('billing.paymentMethod.cardExpires', { ...card, expiry: `${String(pm.expMonth).padStart(2, '0')}/${pm.expYear}` })
    : t('billing.paymentMethod.cardNumber', card);
}

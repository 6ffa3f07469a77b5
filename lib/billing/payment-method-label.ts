// PAY-5: how a payment method is shown to people (owners and staff alike): brand and last four
// with the expiry, or the PayPal address — never the processor's token. Pure, safe in the browser.
export interface PaymentMethodShown {
  kind: 'card' | 'paypal';
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  paypalEmail: string | null;
}

export function paymentMethodLabel(pm: PaymentMethodShown): string {
  if (pm.kind === 'paypal') return `PayPal (${pm.paypalEmail ?? 'address not given'})`;
  const card = `${pm.brand ?? 'Card'} •••• ${pm.last4 ?? '????'}`;
  return pm.expMonth && pm.expYear ? `${card}, expires ${String(pm.expMonth).padStart(2, '0')}/${pm.expYear}` : card;
}

// What happened on the processor's page, told after the owner comes back to /account/billing.
// The return route passes only short codes (never free text) so a crafted link cannot put words
// on this page.
import Link from 'next/link';
import { formatMoney } from '@/lib/format';

const DECLINED: Record<string, string> = {
  card_declined: 'Your bank declined the card.',
  insufficient_funds: 'The card does not have enough funds.',
  expired_card: 'The card has expired.',
};

const ERRORS: Record<string, string> = {
  expired: 'The payment page was open too long. Please start again.',
  invalid: 'We could not match that payment to your session. Please start again from this page.',
  unconfirmed: 'The payment processor could not confirm the payment method. Nothing was charged; please try again.',
  owner_only: 'Only the account owner can change how the account pays.',
  busy: 'Your open invoice is being charged right now. Nothing else was charged and the new payment method was not saved; please try again in a few minutes.',
};

function Box({ tone, role, children }: { tone: 'ok' | 'error' | 'info'; role: 'status' | 'alert'; children: React.ReactNode }) {
  const tones = {
    ok: 'border-emerald-200 bg-emerald-50 text-emerald-900',
    error: 'border-red-200 bg-red-50 text-red-900',
    info: 'border-slate-200 bg-slate-50 text-slate-800',
  };
  return (
    <div role={role} className={`mb-6 rounded-md border px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}

/**
 * `paid` is the invoice that `?paid=<invoice id>` names, looked up in this account's paid
 * invoices; without it (an unknown id, another account's, free text) there is no payment notice.
 */
export function PaymentNotice({ params, paid }: { params: Record<string, string | undefined>; paid?: { number: string; grossCents: number } | null }) {
  if (paid)
    return (
      <Box tone="ok" role="status">
        <strong>Payment received.</strong> {formatMoney(paid.grossCents)} was charged for invoice {paid.number}, and your subscription is active. A confirmation is on its way to your email.{' '}
        <Link href="/account/invoices" className="font-medium underline">
          See your invoices
        </Link>
      </Box>
    );
  if (params.saved)
    return (
      <Box tone="ok" role="status">
        <strong>Payment method saved.</strong> It will be used from the next renewal on.
      </Box>
    );
  if (params.cancelled)
    return (
      <Box tone="info" role="status">
        You left the payment page without adding a payment method. Nothing was charged.
      </Box>
    );
  if (params.declined)
    return (
      <Box tone="error" role="alert">
        <strong>Payment declined.</strong> {DECLINED[params.declined] ?? 'The payment was declined.'} Nothing was charged and the payment method was not saved.
        Try another card or PayPal.
      </Box>
    );
  if (params.error === 'unavailable' && params.token && params.reference)
    return (
      <Box tone="error" role="alert">
        <strong>The payment processor did not answer in time.</strong> You will not be charged twice:{' '}
        <a className="font-medium underline" href={`/account/billing/return?${new URLSearchParams({ token: params.token, reference: params.reference })}`}>
          try again
        </a>{' '}
        in a moment.
      </Box>
    );
  if (params.error && ERRORS[params.error])
    return (
      <Box tone="error" role="alert">
        {ERRORS[params.error]}
      </Box>
    );
  return null;
}

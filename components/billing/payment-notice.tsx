// What happened on the processor's page, told after the owner comes back to /account/billing.
// The return route passes only short codes (never free text) so a crafted link cannot put words
// on this page.
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { getFormatters } from '@/lib/i18n/server';

/** Decline codes → account.notice.declined.* keys; any other code reads "The payment was declined." */
const DECLINED: Record<string, 'cardDeclined' | 'insufficientFunds' | 'expiredCard'> = {
  card_declined: 'cardDeclined',
  insufficient_funds: 'insufficientFunds',
  expired_card: 'expiredCard',
};

/** Error codes from the return route → billing.notice.errors.* keys. */
const ERRORS: Record<string, 'expired' | 'invalid' | 'unconfirmed' | 'ownerOnly' | 'busy'> = {
  expired: 'expired',
  invalid: 'invalid',
  unconfirmed: 'unconfirmed',
  owner_only: 'ownerOnly',
  busy: 'busy',
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
export async function PaymentNotice({ params, paid }: { params: Record<string, string | undefined>; paid?: { number: string; grossCents: number } | null }) {
  const [t, f] = await Promise.all([getTranslations('billing.notice'), getFormatters()]);
  if (paid)
    return (
      <Box tone="ok" role="status">
        <strong>{t('paidTitle')}</strong> {t('paidText', { amount: f.money(paid.grossCents), number: paid.number })}{' '}
        <Link href="/account/invoices" className="font-medium underline">
          {t('seeInvoices')}
        </Link>
      </Box>
    );
  if (params.saved)
    return (
      <Box tone="ok" role="status">
        <strong>{t('savedTitle')}</strong> {t('savedText')}
      </Box>
    );
  if (params.cancelled)
    return (
      <Box tone="info" role="status">
        {t('cancelled')}
      </Box>
    );
  if (params.declined)
    return (
      <Box tone="error" role="alert">
        <strong>{t('declinedTitle')}</strong> {t(`declined.${DECLINED[params.declined] ?? 'other'}`)} {t('declinedText')}
      </Box>
    );
  if (params.error === 'unavailable' && params.token && params.reference)
    return (
      <Box tone="error" role="alert">
        <strong>{t('unavailableTitle')}</strong>{' '}
        {t.rich('unavailableText', {
          retry: (chunks) => (
            <a className="font-medium underline" href={`/account/billing/return?${new URLSearchParams({ token: params.token!, reference: params.reference! })}`}>
              {chunks}
            </a>
          ),
        })}
      </Box>
    );
  if (params.error && ERRORS[params.error])
    return (
      <Box tone="error" role="alert">
        {t(`errors.${ERRORS[params.error]}`)}
      </Box>
    );
  return null;
}

// Where the subscription stands, in words: the card at the top of /account/billing and the banner
// across every portal page (PAY-1 days left, PAY-2 suspension, PAY-8 failed renewals).
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/page';
import type { BillingOverview, BillingState } from '@/lib/billing/overview';
import type { Formatters } from '@/lib/i18n/format';
import { getFormatters } from '@/lib/i18n/server';

type StatusTranslator = Awaited<ReturnType<typeof getTranslations<'billing.status'>>>;

function headline(state: BillingState, t: StatusTranslator, f: Formatters): { badge: string; tone: 'green' | 'amber' | 'red' | 'slate' | 'blue'; text: string } {
  switch (state.kind) {
    case 'trial':
      return { badge: t('trial.badge'), tone: 'blue', text: t('trial.text', { date: f.date(state.endsAt), days: state.daysLeft }) };
    case 'trial_ended':
      return { badge: t('trialEnded.badge'), tone: 'red', text: t('trialEnded.text') };
    case 'past_due': {
      const values = { amount: f.money(state.amountCents), number: state.invoiceNumber };
      return {
        badge: t('pastDue.badge'),
        tone: 'amber',
        text: state.nextRetryAt ? t('pastDue.textRetry', { ...values, date: f.date(state.nextRetryAt) }) : t('pastDue.text', values),
      };
    }
    case 'suspended_unpaid':
      return { badge: t('suspendedUnpaid.badge'), tone: 'red', text: t('suspendedUnpaid.text', { number: state.invoiceNumber, amount: f.money(state.amountCents) }) };
    case 'active':
      return { badge: t('active.badge'), tone: 'green', text: state.renewsAt ? t('active.renews', { date: f.date(state.renewsAt) }) : t('active.text') };
    case 'lifetime':
      return { badge: t('lifetime.badge'), tone: 'green', text: t('lifetime.text') };
    case 'canceled':
      return { badge: t('canceled.badge'), tone: 'slate', text: t('canceled.text') };
  }
}

export async function BillingStatus({ overview }: { overview: BillingOverview }) {
  const [t, f] = await Promise.all([getTranslations('billing.status'), getFormatters()]);
  const h = headline(overview.state, t, f);
  return (
    <section aria-labelledby="subscription-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="subscription-heading" className="text-base font-semibold text-slate-900">
          {t('heading')}
        </h2>
        <Badge tone={h.tone}>{h.badge}</Badge>
      </div>
      <p className="mt-2 text-sm text-slate-700">{h.text}</p>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">{t('plan')}</dt>
          <dd className="font-medium text-slate-900">{overview.planName}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('seats')}</dt>
          <dd className="font-medium text-slate-900">{overview.seats}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('billed')}</dt>
          <dd className="font-medium text-slate-900">{overview.interval === 'yearly' ? t('yearly') : t('monthly')}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('pricePerPeriod')}</dt>
          <dd className="font-medium text-slate-900">{t('plusVat', { amount: f.money(overview.periodNetCents) })}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The strip under the header on every portal page while something needs the owner's attention. */
export async function BillingBanner({ overview, isOwner }: { overview: BillingOverview; isOwner: boolean }) {
  const s = overview.state;
  if (s.kind === 'active' || s.kind === 'lifetime' || s.kind === 'canceled') return null;
  const [t, tStatus, f] = await Promise.all([getTranslations('billing.banner'), getTranslations('billing.status'), getFormatters()]);
  const h = headline(s, tStatus, f);
  const urgent = s.kind !== 'trial';
  return (
    <div data-testid="billing-banner" className={`border-b px-4 py-2.5 text-sm ${urgent ? 'border-red-200 bg-red-50 text-red-900' : 'border-brand-100 bg-brand-50 text-slate-800'}`}>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1">
        <span>{s.kind === 'trial' ? t.rich('trial', { days: s.daysLeft, date: f.date(s.endsAt), strong: (chunks) => <strong>{chunks}</strong> }) : h.text}</span>
        {isOwner && (
          <Link href="/account/billing" className="font-semibold underline">
            {s.kind === 'trial' ? t('addPaymentMethod') : t('goToBilling')}
          </Link>
        )}
        {!isOwner && <span className="text-slate-600">{t('ownerManages')}</span>}
      </div>
    </div>
  );
}

/** APS-3/CAN-3: staff suspended the account; paying does not lift it, so the banner says whom to ask. */
export async function StaffSuspensionBanner({ reason }: { reason: string | null }) {
  const t = await getTranslations('account.staffSuspended');
  return (
    <div role="status" className="border-b border-red-200 bg-red-50 px-4 py-2.5 text-sm text-red-900">
      <div className="mx-auto max-w-7xl">
        <strong>{t('title')}</strong> {reason ? t('reason', { reason }) : null} {t('contact')}
      </div>
    </div>
  );
}

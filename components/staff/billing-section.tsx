// The Billing section of the staff account page: where the subscription stands, how it is paid,
// every invoice and credit note (INV-5, INV-6), the open debt (PAY-8) and the trial extension (PAY-2).
import { getTranslations } from 'next-intl/server';
import type { FormState } from '@/lib/actions';
import type { Formatters } from '@/lib/i18n/format';
import { getFormatters } from '@/lib/i18n/server';
import type { AccountBilling, SubscriptionView } from '@/lib/staff/billing-queries';
import { paymentMethodLabel } from '@/lib/billing/payment-method-label';
import { SubscriptionStatusBadge } from './badges';
import { DetailRow } from './detail-list';
import { DocumentsTable, documentPdfUrl } from './documents-table';
import { ExtendTrialForm } from './extend-trial-form';
import { RetryChargeButton } from './retry-charge-button';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={id} className="mb-3 text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function trialText(s: SubscriptionView, t: Translate, f: Formatters): string {
  const date = f.date(s.trialEndsAt);
  if (s.trialDaysLeft === null) return t('subscription.trialEnded', { date });
  if (s.trialDaysLeft === 0) return t('subscription.trialEndsToday', { date });
  return t('subscription.trialDaysLeft', { date, days: s.trialDaysLeft });
}

export async function BillingSection({
  accountId,
  billing,
  extendTrialAction,
  retryChargeAction,
}: {
  accountId: string;
  billing: AccountBilling;
  extendTrialAction: Action;
  retryChargeAction: Action;
}) {
  const { subscription: s, paymentMethod, documents, openDebt } = billing;
  const t = await getTranslations('staff.billing');
  const f = await getFormatters();
  return (
    <section aria-labelledby="billing-heading">
      <h2 id="billing-heading" className="mb-3 text-base font-semibold text-slate-900">
        {t('heading')}
      </h2>
      <div className="space-y-4">
        <div className="grid items-start gap-4 lg:grid-cols-2">
          <Panel id="billing-subscription" title={t('subscription.title')}>
            {s ? (
              <dl className="divide-y divide-slate-100">
                <DetailRow label={t('subscription.plan')}>{s.planName}</DetailRow>
                <DetailRow label={t('subscription.seats')}>{s.seats}</DetailRow>
                <DetailRow label={t('subscription.interval')}>{t(`intervals.${s.interval}`)}</DetailRow>
                <DetailRow label={t('subscription.status')}>
                  <SubscriptionStatusBadge status={s.status} />
                </DetailRow>
                {s.trialEndsAt && !s.currentPeriodStart && <DetailRow label={t('subscription.trialEnds')}>{trialText(s, t, f)}</DetailRow>}
                {s.currentPeriodStart && (
                  <DetailRow label={t('subscription.currentPeriod')}>
                    {f.date(s.currentPeriodStart)} – {f.date(s.currentPeriodEnd)}
                  </DetailRow>
                )}
                <DetailRow label={t('subscription.nextRenewal')}>{s.nextRenewalAt ? f.date(s.nextRenewalAt) : t('subscription.none')}</DetailRow>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">{t('subscription.noSubscription')}</p>
            )}
          </Panel>

          <Panel id="billing-payment-method" title={t('paymentMethod.title')}>
            {paymentMethod ? (
              <dl className="divide-y divide-slate-100">
                <DetailRow label={t('paymentMethod.method')}>{paymentMethodLabel(paymentMethod, f.locale)}</DetailRow>
                <DetailRow label={t('paymentMethod.added')}>{f.date(paymentMethod.addedAt)}</DetailRow>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">{t('paymentMethod.none')}</p>
            )}
          </Panel>
        </div>

        <div className="grid items-start gap-4 lg:grid-cols-2">
          <Panel id="billing-open-debt" title={t('openDebt.title')}>
            {openDebt ? (
              <dl className="divide-y divide-slate-100">
                <DetailRow label={t('openDebt.invoice')}>
                  <a href={documentPdfUrl(openDebt.invoiceId)} className="font-mono text-xs">
                    {openDebt.number}
                  </a>
                </DetailRow>
                <DetailRow label={t('openDebt.amount')}>{f.money(openDebt.amountCents)}</DetailRow>
                <DetailRow label={t('openDebt.failedAttempts')}>{openDebt.failedAttempts}</DetailRow>
                {openDebt.lastFailureMessage && <DetailRow label={t('openDebt.lastFailure')}>{openDebt.lastFailureMessage}</DetailRow>}
                <DetailRow label={t('openDebt.nextRetry')}>
                  {openDebt.nextRetryAt ? f.date(openDebt.nextRetryAt) : t('openDebt.noMoreRetries')}
                </DetailRow>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">{t('openDebt.none')}</p>
            )}
            <RetryChargeButton accountId={accountId} allowed={billing.canRetryCharge} action={retryChargeAction} />
          </Panel>

          {billing.canExtendTrial && (
            <Panel id="billing-extend-trial" title={t('extendTrial.title')}>
              <ExtendTrialForm accountId={accountId} action={extendTrialAction} />
            </Panel>
          )}
        </div>

        <section aria-labelledby="billing-documents">
          <h3 id="billing-documents" className="mb-3 text-sm font-semibold text-slate-900">
            {t('documents.heading')}
          </h3>
          <DocumentsTable rows={documents} caption={t('documents.caption')} empty={t('documents.empty')} />
        </section>
      </div>
    </section>
  );
}

// The Billing section of the staff account page: where the subscription stands, how it is paid,
// every invoice and credit note (INV-5, INV-6), the open debt (PAY-8) and the trial extension (PAY-2).
import type { FormState } from '@/lib/actions';
import { formatDate, formatMoney } from '@/lib/format';
import type { AccountBilling, SubscriptionView } from '@/lib/staff/billing-queries';
import { paymentMethodLabel } from '@/lib/billing/payment-method-label';
import { SubscriptionStatusBadge } from './badges';
import { DetailRow } from './detail-list';
import { DocumentsTable, documentPdfUrl } from './documents-table';
import { ExtendTrialForm } from './extend-trial-form';
import { RetryChargeButton } from './retry-charge-button';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const INTERVAL_LABEL = { monthly: 'Monthly', yearly: 'Yearly' } as const;

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

function trialText(s: SubscriptionView): string {
  const end = formatDate(s.trialEndsAt);
  if (s.trialDaysLeft === null) return `${end} (ended)`;
  if (s.trialDaysLeft === 0) return `${end} (ends today)`;
  return `${end} (${s.trialDaysLeft} day${s.trialDaysLeft === 1 ? '' : 's'} left)`;
}

export function BillingSection({
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
  return (
    <section aria-labelledby="billing-heading">
      <h2 id="billing-heading" className="mb-3 text-base font-semibold text-slate-900">
        Billing
      </h2>
      <div className="space-y-4">
        <div className="grid items-start gap-4 lg:grid-cols-2">
          <Panel id="billing-subscription" title="Subscription">
            {s ? (
              <dl className="divide-y divide-slate-100">
                <DetailRow label="Plan">{s.planName}</DetailRow>
                <DetailRow label="Seats">{s.seats}</DetailRow>
                <DetailRow label="Interval">{INTERVAL_LABEL[s.interval]}</DetailRow>
                <DetailRow label="Status">
                  <SubscriptionStatusBadge status={s.status} />
                </DetailRow>
                {s.trialEndsAt && !s.currentPeriodStart && <DetailRow label="Trial ends">{trialText(s)}</DetailRow>}
                {s.currentPeriodStart && (
                  <DetailRow label="Current period">
                    {formatDate(s.currentPeriodStart)} – {formatDate(s.currentPeriodEnd)}
                  </DetailRow>
                )}
                <DetailRow label="Next renewal">{s.nextRenewalAt ? formatDate(s.nextRenewalAt) : 'None'}</DetailRow>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">This account has no subscription.</p>
            )}
          </Panel>

          <Panel id="billing-payment-method" title="Payment method">
            {paymentMethod ? (
              <dl className="divide-y divide-slate-100">
                <DetailRow label="Method">{paymentMethodLabel(paymentMethod)}</DetailRow>
                <DetailRow label="Added">{formatDate(paymentMethod.addedAt)}</DetailRow>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">No payment method</p>
            )}
          </Panel>
        </div>

        <div className="grid items-start gap-4 lg:grid-cols-2">
          <Panel id="billing-open-debt" title="Open debt">
            {openDebt ? (
              <dl className="divide-y divide-slate-100">
                <DetailRow label="Invoice">
                  <a href={documentPdfUrl(openDebt.invoiceId)} className="font-mono text-xs">
                    {openDebt.number}
                  </a>
                </DetailRow>
                <DetailRow label="Amount">{formatMoney(openDebt.amountCents)}</DetailRow>
                <DetailRow label="Failed attempts">{openDebt.failedAttempts}</DetailRow>
                {openDebt.lastFailureMessage && <DetailRow label="Last failure">{openDebt.lastFailureMessage}</DetailRow>}
                <DetailRow label="Next retry">
                  {openDebt.nextRetryAt ? formatDate(openDebt.nextRetryAt) : 'No more retries: the owner must add a working payment method.'}
                </DetailRow>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">No open debt.</p>
            )}
            <RetryChargeButton accountId={accountId} allowed={billing.canRetryCharge} action={retryChargeAction} />
          </Panel>

          {billing.canExtendTrial && (
            <Panel id="billing-extend-trial" title="Extend trial">
              <ExtendTrialForm accountId={accountId} action={extendTrialAction} />
            </Panel>
          )}
        </div>

        <section aria-labelledby="billing-documents">
          <h3 id="billing-documents" className="mb-3 text-sm font-semibold text-slate-900">
            Invoices and credit notes
          </h3>
          <DocumentsTable rows={documents} caption="Invoices and credit notes" empty="No invoices or credit notes have been issued for this account." />
        </section>
      </div>
    </section>
  );
}

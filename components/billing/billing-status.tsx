// Where the subscription stands, in words: the card at the top of /account/billing and the banner
// across every portal page (PAY-1 days left, PAY-2 suspension, PAY-8 failed renewals).
import Link from 'next/link';
import { Badge } from '@/components/ui/page';
import type { BillingOverview, BillingState } from '@/lib/billing/overview';
import { formatDate, formatMoney } from '@/lib/format';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

function headline(state: BillingState): { badge: string; tone: 'green' | 'amber' | 'red' | 'slate' | 'blue'; text: string } {
  switch (state.kind) {
    case 'trial':
      return {
        badge: 'Free trial',
        tone: 'blue',
        text: `Your free trial ends on ${formatDate(state.endsAt)} (${days(state.daysLeft)} left). Add a card or PayPal to keep your helpdesk running afterwards.`,
      };
    case 'trial_ended':
      return { badge: 'Suspended', tone: 'red', text: 'Your free trial has ended. Add a card or PayPal to reactivate your account at once.' };
    case 'past_due':
      return {
        badge: 'Payment failed',
        tone: 'amber',
        text: `We could not collect ${formatMoney(state.amountCents)} for invoice ${state.invoiceNumber}.${state.nextRetryAt ? ` We will try again on ${formatDate(state.nextRetryAt)}.` : ''} Replace your payment method to pay it now.`,
      };
    case 'suspended_unpaid':
      return {
        badge: 'Suspended',
        tone: 'red',
        text: `Your account is suspended because invoice ${state.invoiceNumber} (${formatMoney(state.amountCents)}) is unpaid. Add a working card or PayPal: it pays the invoice and reactivates the account.`,
      };
    case 'active':
      return { badge: 'Active', tone: 'green', text: state.renewsAt ? `Your subscription renews on ${formatDate(state.renewsAt)}.` : 'Your subscription is active.' };
    case 'lifetime':
      return { badge: 'Lifetime deal', tone: 'green', text: 'Your account has a lifetime deal: there is nothing to pay.' };
    case 'canceled':
      return { badge: 'Ended', tone: 'slate', text: 'This subscription has ended.' };
  }
}

export function BillingStatus({ overview }: { overview: BillingOverview }) {
  const h = headline(overview.state);
  return (
    <section aria-labelledby="subscription-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="subscription-heading" className="text-base font-semibold text-slate-900">
          Subscription
        </h2>
        <Badge tone={h.tone}>{h.badge}</Badge>
      </div>
      <p className="mt-2 text-sm text-slate-700">{h.text}</p>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">Plan</dt>
          <dd className="font-medium text-slate-900">{overview.planName}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Seats</dt>
          <dd className="font-medium text-slate-900">{overview.seats}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Billed</dt>
          <dd className="font-medium text-slate-900">{overview.interval === 'yearly' ? 'Yearly' : 'Monthly'}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Price per period</dt>
          <dd className="font-medium text-slate-900">{formatMoney(overview.periodNetCents)} + VAT</dd>
        </div>
      </dl>
    </section>
  );
}

/** The strip under the header on every portal page while something needs the owner's attention. */
export function BillingBanner({ overview, isOwner }: { overview: BillingOverview; isOwner: boolean }) {
  const s = overview.state;
  if (s.kind === 'active' || s.kind === 'lifetime' || s.kind === 'canceled') return null;
  const h = headline(s);
  const urgent = s.kind !== 'trial';
  return (
    <div data-testid="billing-banner" className={`border-b px-4 py-2.5 text-sm ${urgent ? 'border-red-200 bg-red-50 text-red-900' : 'border-brand-100 bg-brand-50 text-slate-800'}`}>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1">
        <span>
          {s.kind === 'trial' ? (
            <>
              <strong>{days(s.daysLeft)} left</strong> in your free trial (ends {formatDate(s.endsAt)}).
            </>
          ) : (
            h.text
          )}
        </span>
        {isOwner && (
          <Link href="/account/billing" className="font-semibold underline">
            {s.kind === 'trial' ? 'Add a payment method' : 'Go to billing'}
          </Link>
        )}
        {!isOwner && <span className="text-slate-600">Your account owner manages billing.</span>}
      </div>
    </div>
  );
}

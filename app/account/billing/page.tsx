import { redirect } from 'next/navigation';
import { BillingDetailsForm } from '@/components/billing/billing-details-form';
import { BillingStatus } from '@/components/billing/billing-status';
import { PaymentMethodForm } from '@/components/billing/payment-method-form';
import { PaymentNotice } from '@/components/billing/payment-notice';
import { VatNumberForm } from '@/components/billing/vat-number-form';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireMember } from '@/lib/auth/guards';
import { ownerContact } from '@/lib/billing/charges';
import { billingOverviewForRequest, paymentMethodLabel } from '@/lib/billing/overview';
import { getBillingProfile } from '@/lib/billing/profile';
import { formatDate } from '@/lib/format';
import { getPaidAccountInvoice } from '@/lib/invoices/queries';
import { listPublicPlans } from '@/lib/plans/queries';
import { saveBillingDetailsAction, saveVatNumberAction, startPaymentSetupAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Billing' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function BillingPage({ searchParams }: { searchParams: Search }) {
  // PAY-2: the one page a suspended account can still reach.
  const ctx = await requireMember({ allowSuspended: true });
  const db = await getDb();
  const suspended = ctx.account.status === 'suspended';
  if (ctx.user.role !== 'owner') {
    if (!suspended) redirect('/account?denied=owner');
    const owner = await ownerContact(db, ctx.account.id);
    return (
      <>
        <PageHeader title="Billing" />
        <Card title="Your account is suspended">
          <p className="text-sm text-slate-700">
            The helpdesk is paused until a payment method is added. Only the account owner can do that: please contact {owner ? `${owner.name} (${owner.email})` : 'your account owner'}.
          </p>
        </Card>
      </>
    );
  }

  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const [overview, profile, plans, paid] = await Promise.all([
    billingOverviewForRequest(ctx.account.id),
    getBillingProfile(db, ctx.account.id),
    listPublicPlans(db),
    params.paid ? getPaidAccountInvoice(db, ctx.account.id, params.paid) : null,
  ]);
  const pm = overview?.paymentMethod ?? null;

  return (
    <>
      <PageHeader title="Billing" description="How your account pays, and the details printed on your invoices." />
      <PaymentNotice params={params} paid={paid} />
      {overview && <BillingStatus overview={overview} />}
      <div className="space-y-6">
        <Card title="Payment method">
          <p className="mb-4 text-sm text-slate-700">
            {pm ? (
              <>
                Current: <strong className="font-medium text-slate-900">{paymentMethodLabel(pm)}</strong>
                <span className="text-slate-500"> · added {formatDate(pm.createdAt)}</span>
              </>
            ) : (
              'No payment method yet.'
            )}
          </p>
          {overview && overview.state.kind !== 'canceled' && overview.state.kind !== 'lifetime' ? (
            <PaymentMethodForm
              action={startPaymentSetupAction}
              firstPeriodDue={overview.firstPeriodDue}
              plans={plans.filter((p) => p.seatPriceMonthlyCents > 0).map((p) => ({ code: p.code, name: p.name, monthlyCents: p.seatPriceMonthlyCents, yearlyCents: p.seatPriceYearlyCents }))}
              planCode={overview.planCode}
              interval={overview.interval}
              seats={overview.seats}
              hasCard={pm?.kind === 'card'}
            />
          ) : (
            <p className="text-sm text-slate-600">This account has nothing to pay by card or PayPal.</p>
          )}
        </Card>
        <Card title="Billing details">
          <p className="mb-4 text-sm text-slate-600">
            Printed on every invoice issued from now on. Invoices already issued keep the details they were issued with; you can ask for a corrected copy of the latest one
            on the invoices page.
          </p>
          <BillingDetailsForm
            action={saveBillingDetailsAction}
            initial={{
              name: profile?.name ?? ctx.user.fullName ?? '',
              company: profile?.company ?? ctx.account.companyName,
              street: profile?.street ?? '',
              city: profile?.city ?? '',
              postalCode: profile?.postalCode ?? '',
              region: profile?.region ?? '',
              country: profile?.country ?? '',
              invoiceEmail: profile?.invoiceEmail ?? ctx.user.email ?? '',
              companyId: profile?.companyId ?? '',
            }}
          />
        </Card>
        <Card title="VAT number">
          {!profile && <p className="mb-3 text-sm text-amber-800">Save your billing details first: a VAT number is checked against your billing country.</p>}
          <VatNumberForm
            action={saveVatNumberAction}
            initial={profile?.vatNumber ?? ''}
            savedAt={profile?.vatNumber && profile.vatNumberSavedAt ? formatDate(profile.vatNumberSavedAt) : undefined}
          />
        </Card>
      </div>
    </>
  );
}

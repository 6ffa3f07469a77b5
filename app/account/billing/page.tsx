import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BillingDetailsForm } from '@/components/billing/billing-details-form';
import { BillingStatus } from '@/components/billing/billing-status';
import { PaymentMethodForm } from '@/components/billing/payment-method-form';
import { PaymentNotice } from '@/components/billing/payment-notice';
import { UpcomingPriceNotice } from '@/components/prices/upcoming-price-notice';
import { PrepaidCreditCard } from '@/components/billing/prepaid-credit-card';
import { VatNumberForm } from '@/components/billing/vat-number-form';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireMember } from '@/lib/auth/guards';
import { ownerContact } from '@/lib/billing/charges';
import { billingOverviewForRequest, paymentMethodLabel } from '@/lib/billing/overview';
import { getBillingProfile } from '@/lib/billing/profile';
import { countriesFor } from '@/lib/billing/countries';
import { getFormatters } from '@/lib/i18n/server';
import { getPaidAccountInvoice } from '@/lib/invoices/queries';
import { listPublicPlans } from '@/lib/plans/queries';
import { saveBillingDetailsAction, saveVatNumberAction, startPaymentSetupAction } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export const dynamic = 'force-dynamic';
export async function generateMetadata() {
  const t = await getTranslations('billing.page');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function BillingPage({ searchParams }: { searchParams: Search }) {
  // PAY-2: the one page a suspended account can still reach.
  const ctx = await requireMember({ allowSuspended: true });
  const db = await getDb();
  const suspended = ctx.account.status === 'suspended';
  const [t, f] = await Promise.all([getTranslations('billing.page'), getFormatters()]);
  if (ctx.user.role !== 'owner') {
    if (!suspended) redirect('/account?denied=owner');
    const owner = await ownerContact(db, ctx.account.id);
    return (
      <>
        <PageHeader title={t('title')} />
        <Card title={t('suspendedTitle')}>
          <p className="text-sm text-slate-700">
            {t('suspendedText', { owner: owner ? t('ownerContact', { name: owner.name, email: owner.email }) : t('yourAccountOwner') })}
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
    <ClientMessages name="accountBilling">
      <PageHeader title={t('title')} description={t('description')} />
      <PaymentNotice params={params} paid={paid} />
      {overview && <BillingStatus overview={overview} />}
      <UpcomingPriceNotice accountId={ctx.account.id} />
      <div className="space-y-6">
        {/* INV-7: balance and projected end date of prepaid credit, when the account has had some. */}
        <PrepaidCreditCard accountId={ctx.account.id} />
        <Card title={t('paymentMethod')}>
          <p className="mb-4 text-sm text-slate-700">
            {pm ? (
              <>
                {t.rich('current', { method: paymentMethodLabel(pm, f.locale), strong: (chunks) => <strong className="font-medium text-slate-900">{chunks}</strong> })}
                <span className="text-slate-500"> · {t('added', { date: f.date(pm.createdAt) })}</span>
              </>
            ) : (
              t('noMethod')
            )}
          </p>
          {overview && overview.state.kind !== 'canceled' ? (
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
            <p className="text-sm text-slate-600">{t('nothingToPay')}</p>
          )}
        </Card>
        <Card title={t('details')}>
          <p className="mb-4 text-sm text-slate-600">{t('detailsText')}</p>
          <BillingDetailsForm
            action={saveBillingDetailsAction}
            countries={countriesFor(f.locale)}
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
        <Card title={t('vatNumber')}>
          {!profile && <p className="mb-3 text-sm text-amber-800">{t('detailsFirst')}</p>}
          <VatNumberForm
            action={saveVatNumberAction}
            initial={profile?.vatNumber ?? ''}
            savedAt={profile?.vatNumber && profile.vatNumberSavedAt ? f.date(profile.vatNumberSavedAt) : undefined}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}

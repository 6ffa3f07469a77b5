import { getTranslations } from 'next-intl/server';
import { StopAccountForm } from '@/components/account/stop-account-form';
import { Card, PageHeader } from '@/components/ui/page';
import { StopCreditNotice } from '@/components/credit/stop-credit-notice';
import { accountAddress } from '@/lib/accounts/address';
import { requireOwnerEvenIfSuspended } from '@/lib/auth/guards';
import { INVOICE_RETENTION_YEARS } from '@/lib/cancellation/stop-account';
import { stopAccountAction } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export const dynamic = 'force-dynamic';
export async function generateMetadata() {
  const t = await getTranslations('account.stop');
  return { title: t('title') };
}

export default async function StopAccountPage() {
  const ctx = await requireOwnerEvenIfSuspended();
  const address = accountAddress(ctx.account.slug);
  const t = await getTranslations('account.stop');
  return (
    <ClientMessages name="accountStop">
      <PageHeader title={t('title')} description={t('stopping', { address, company: ctx.account.companyName })} />
      {/* INV-8: the refund of unused prepaid credit, before the owner confirms. */}
      <StopCreditNotice accountId={ctx.account.id} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('whatHappens')}>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
            <li>{t('immediate')}</li>
            <li>{t('noCharges')}</li>
            <li>{t('accessLost')}</li>
            <li>{t('dataDeleted')}</li>
            <li>{t('invoicesKept', { years: INVOICE_RETENTION_YEARS })}</li>
            <li>
              {t.rich('irreversible', {
                address,
                strong: (chunks) => <strong>{chunks}</strong>,
                mono: (chunks) => <span className="font-mono">{chunks}</span>,
              })}
            </li>
            <li>{t('confirmationEmail')}</li>
          </ul>
        </Card>
        <section className="rounded-lg border border-red-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 text-base font-semibold text-red-800">{t('confirm')}</h2>
          <StopAccountForm action={stopAccountAction} address={address} />
        </section>
      </div>
    </ClientMessages>
  );
}

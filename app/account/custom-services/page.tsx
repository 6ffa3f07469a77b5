// CUS-1: the account's custom-service requests and the form to ask for one. Owners and admins
// (the people who manage the account) use it; agents do not see prices and are sent away.
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { RequestServiceForm } from '@/components/custom-services/request-form';
import { StatusBadge } from '@/components/custom-services/request-view';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireUserManager } from '@/lib/auth/guards';
import { accountRequests } from '@/lib/custom-services/queries';
import { getFormatters } from '@/lib/i18n/server';
import { requestServiceAction } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('customServices.portal');
  return { title: t('title') };
}

export default async function CustomServicesPage() {
  const ctx = await requireUserManager();
  const rows = await accountRequests(await getDb(), ctx.account.id);
  const t = await getTranslations('customServices.portal');
  const f = await getFormatters();
  return (
    <ClientMessages name="accountCustomServices">
      <PageHeader title={t('title')} description={t('intro')} />
      <div className="space-y-6">
        <Card title={t('form.heading')}>
          <RequestServiceForm action={requestServiceAction} />
        </Card>
        <DataTable
          caption={t('list.caption')}
          captionVisible
          columns={[
            {
              header: t('list.reference'),
              cell: (r) => (
                <Link href={`/account/custom-services/${r.id}`} aria-label={t('list.open', { reference: r.reference })}>
                  {r.reference}
                </Link>
              ),
              className: 'whitespace-nowrap',
            },
            { header: t('list.requested'), cell: (r) => f.date(r.receivedAt), className: 'whitespace-nowrap' },
            { header: t('list.need'), cell: (r) => (r.need.length > 120 ? `${r.need.slice(0, 117)}…` : r.need), className: 'min-w-48' },
            { header: t('list.status'), cell: (r) => <StatusBadge status={r.status} /> },
            { header: t('list.price'), cell: (r) => (r.agreedPriceCents == null ? '—' : f.money(r.agreedPriceCents)), align: 'right' },
          ]}
          rows={rows}
          rowKey={(r) => r.id}
          empty={t('list.empty')}
        />
      </div>
    </ClientMessages>
  );
}

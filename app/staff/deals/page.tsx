import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DealForm } from '@/components/deals/deal-form';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { listDeals, listPlanChoices } from '@/lib/deals/queries';
import { getFormatters } from '@/lib/i18n/server';

import { createDealAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('deals.staff');
  return { title: t('title') };
}

export default async function StaffDeals() {
  await requireStaff();
  const db = await getDb();
  const [dealList, plans] = await Promise.all([listDeals(db), listPlanChoices(db)]);
  const t = await getTranslations('deals.staff');
  const f = await getFormatters();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <DataTable
        caption={t('listCaption')}
        rows={dealList}
        rowKey={(d) => d.id}
        empty={t('empty')}
        columns={[
          { header: t('columns.name'), className: 'whitespace-nowrap font-medium', cell: (d) => <Link href={`/staff/deals/${d.id}`}>{d.name}</Link> },
          { header: t('columns.partner'), cell: (d) => d.partner },
          { header: t('columns.closes'), className: 'whitespace-nowrap', cell: (d) => f.dateTime(d.closesAt) },
          { header: t('columns.imported'), align: 'right', cell: (d) => d.imported },
          { header: t('columns.redeemed'), align: 'right', cell: (d) => d.redeemed },
          { header: t('columns.remaining'), align: 'right', cell: (d) => d.remaining },
        ]}
      />
      <Card title={t('newDeal')} className="mt-6">
        <DealForm
          action={createDealAction}
          plans={plans}
          values={{ name: '', partner: 'AppSumo', pricePaid: '59', planCode: 'all-in-one', lifetimeSeats: '2', closesAt: '' }}
        />
      </Card>
    </>
  );
}

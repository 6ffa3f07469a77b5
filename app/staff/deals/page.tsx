import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CodesTable } from '@/components/deals/codes-table';
import { DealForm } from '@/components/deals/deal-form';
import { ImportCodesForm } from '@/components/deals/import-codes-form';
import { FilterForm, param } from '@/components/staff/filters';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { listDeals, listPlanChoices, searchCodes } from '@/lib/deals/queries';
import { getFormatters } from '@/lib/i18n/server';
import { parsePage } from '@/lib/staff/queries';
import { createDealAction, importCodesAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('deals.staff');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffDeals({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const db = await getDb();
  const sp = await searchParams;
  const q = param(sp.q);
  const page = parsePage(sp.page);
  // Every deal's codes are searched only on request: listing them all would mean thousands of rows.
  const [dealList, plans, codes] = await Promise.all([listDeals(db), listPlanChoices(db), q ? searchCodes(db, null, { query: q, page }) : null]);
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
          {
            header: t('columns.name'),
            className: 'whitespace-nowrap font-medium',
            // A full page load, not a client-side one: this page has an import form of its own, and a
            // click on the deal must not leave a moment where that form still answers for the deal's.
            cell: (d) => <a href={`/staff/deals/${d.id}`}>{d.name}</a>,
          },
          { header: t('columns.partner'), cell: (d) => d.partner },
          { header: t('columns.closes'), className: 'whitespace-nowrap', cell: (d) => f.dateTime(d.closesAt) },
          { header: t('columns.imported'), align: 'right', cell: (d) => d.imported },
          { header: t('columns.redeemed'), align: 'right', cell: (d) => d.redeemed },
          { header: t('columns.remaining'), align: 'right', cell: (d) => d.remaining },
        ]}
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title={t('import.title')}>
          {dealList.length ? <ImportCodesForm deals={dealList.map((d) => ({ id: d.id, name: d.name }))} action={importCodesAction} /> : <p className="text-sm text-slate-600">{t('import.noDeal')}</p>}
        </Card>
        <div>
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t('codes.searchAll')}</h2>
          <FilterForm action="/staff/deals" texts={[{ name: 'q', label: t('codes.search'), value: q, placeholder: t('codes.searchPlaceholder') }]} />
        </div>
      </div>
      {codes && (
        <div className="mt-4">
          <CodesTable codes={codes} caption={t('codes.captionAll')} empty={t('codes.noMatch')} showDeal pagination={{ path: '/staff/deals', params: { q }, page }} />
        </div>
      )}
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

// CUS-5: every custom-service request, oldest first, filtered by status (and reference or company).
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/custom-services/request-view';
import { FilterForm, param } from '@/components/staff/filters';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { isCustomServiceStatus, searchRequests } from '@/lib/custom-services/queries';
import { CUSTOM_SERVICE_STATUSES } from '@/lib/custom-services/rules';
import { getFormatters } from '@/lib/i18n/server';
import { parsePage } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('customServices.staff');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffCustomServices({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const sp = await searchParams;
  const statusParam = param(sp.status);
  const status = isCustomServiceStatus(statusParam) ? statusParam : undefined;
  const q = param(sp.q);
  const page = parsePage(sp.page);
  const result = await searchRequests(await getDb(), { status, q, page });
  const t = await getTranslations('customServices.staff');
  const ts = await getTranslations('customServices.status');
  const tSource = await getTranslations('customServices.source');
  const f = await getFormatters();
  return (
    <>
      <PageHeader title={t('title')} />
      <FilterForm
        action="/staff/custom-services"
        texts={[{ name: 'q', label: t('list.search'), value: q }]}
        select={{ name: 'status', label: t('filters.status'), value: status, options: CUSTOM_SERVICE_STATUSES.map((s) => ({ value: s, label: ts(s) })) }}
      />
      <DataTable
        caption={t('list.caption')}
        columns={[
          { header: t('list.reference'), cell: (r) => <Link href={`/staff/custom-services/${r.id}`}>{r.reference}</Link>, className: 'whitespace-nowrap' },
          { header: t('list.account'), cell: (r) => r.companyName },
          { header: t('list.received'), cell: (r) => f.dateTime(r.receivedAt), className: 'whitespace-nowrap' },
          { header: t('list.source'), cell: (r) => tSource(r.source) },
          { header: t('list.status'), cell: (r) => <StatusBadge status={r.status} /> },
          { header: t('list.price'), cell: (r) => (r.priceCents == null ? '—' : f.money(r.priceCents)), align: 'right' },
        ]}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t('list.empty')}
        pagination={{ path: '/staff/custom-services', params: { status, q }, page: result.page, hasNext: result.hasNext }}
      />
    </>
  );
}

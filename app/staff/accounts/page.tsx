import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { accountAddress } from '@/lib/staff/address';
import { AccountStatusBadge } from '@/components/staff/badges';
import { FilterForm, param } from '@/components/staff/filters';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { getFormatters } from '@/lib/i18n/server';
import { ACCOUNT_STATUSES, type AccountStatus, parsePage, searchAccounts } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.accounts');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffAccounts({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const sp = await searchParams;
  const q = param(sp.q);
  const statusParam = param(sp.status);
  const status = ACCOUNT_STATUSES.includes(statusParam as AccountStatus) ? (statusParam as AccountStatus) : undefined;
  const page = parsePage(sp.page);
  const res = await searchAccounts(await getDb(), { q, status, page });
  const t = await getTranslations('staff.accounts');
  const tStatus = await getTranslations('staff.status.account');
  const tFilters = await getTranslations('staff.filters');
  const f = await getFormatters();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <FilterForm
        action="/staff/accounts"
        texts={[{ name: 'q', label: t('searchLabel'), value: q, placeholder: t('searchPlaceholder') }]}
        select={{ name: 'status', label: tFilters('status'), value: status, options: ACCOUNT_STATUSES.map((s) => ({ value: s, label: tStatus(s) })) }}
      />
      <DataTable
        caption={t('caption')}
        rows={res.rows}
        rowKey={(a) => a.id}
        empty={q || status ? t('emptySearch') : t('empty')}
        pagination={{ path: '/staff/accounts', params: { q, status }, page: res.page, hasNext: res.hasNext }}
        columns={[
          { header: t('columns.address'), className: 'whitespace-nowrap font-medium', cell: (a) => <Link href={`/staff/accounts/${a.id}`}>{accountAddress(a.slug)}</Link> },
          { header: t('columns.company'), className: 'min-w-40', cell: (a) => a.companyName },
          {
            header: t('columns.owner'),
            className: 'whitespace-nowrap',
            cell: (a) =>
              a.ownerDeletedAt || (a.ownerName && !a.ownerEmail) ? (
                <span className="text-slate-500">{t('deletedUser')}</span>
              ) : a.ownerEmail ? (
                <>
                  <span className="block">{a.ownerName}</span>
                  <span className="block text-xs text-slate-500">{a.ownerEmail}</span>
                </>
              ) : (
                '—'
              ),
          },
          { header: t('columns.status'), cell: (a) => <AccountStatusBadge status={a.status} /> },
          { header: t('columns.created'), className: 'whitespace-nowrap text-slate-600', cell: (a) => f.date(a.createdAt) },
        ]}
      />
    </>
  );
}

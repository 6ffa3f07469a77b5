import Link from 'next/link';
import { accountAddress } from '@/lib/staff/address';
import { AccountStatusBadge } from '@/components/staff/badges';
import { FilterForm, param } from '@/components/staff/filters';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { formatDate } from '@/lib/format';
import { ACCOUNT_STATUS_LABEL, ACCOUNT_STATUSES, type AccountStatus, parsePage, searchAccounts } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffAccounts({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const sp = await searchParams;
  const q = param(sp.q);
  const statusParam = param(sp.status);
  const status = ACCOUNT_STATUSES.includes(statusParam as AccountStatus) ? (statusParam as AccountStatus) : undefined;
  const page = parsePage(sp.page);
  const res = await searchAccounts(await getDb(), { q, status, page });
  return (
    <>
      <PageHeader title="Accounts" description="Search by account address, company name or owner email." />
      <FilterForm
        action="/staff/accounts"
        texts={[{ name: 'q', label: 'Search accounts', value: q, placeholder: 'acme, Acme s.r.o., jana@…' }]}
        select={{ name: 'status', label: 'Status', value: status, options: ACCOUNT_STATUSES.map((s) => ({ value: s, label: ACCOUNT_STATUS_LABEL[s] })) }}
      />
      <DataTable
        caption="Accounts"
        rows={res.rows}
        rowKey={(a) => a.id}
        empty={q || status ? 'No accounts match this search.' : 'There are no accounts yet.'}
        pagination={{ path: '/staff/accounts', params: { q, status }, page: res.page, hasNext: res.hasNext }}
        columns={[
          { header: 'Address', className: 'whitespace-nowrap font-medium', cell: (a) => <Link href={`/staff/accounts/${a.id}`}>{accountAddress(a.slug)}</Link> },
          { header: 'Company', className: 'min-w-40', cell: (a) => a.companyName },
          {
            header: 'Owner',
            className: 'whitespace-nowrap',
            cell: (a) =>
              a.ownerDeletedAt || (a.ownerName && !a.ownerEmail) ? (
                <span className="text-slate-500">Deleted user</span>
              ) : a.ownerEmail ? (
                <>
                  <span className="block">{a.ownerName}</span>
                  <span className="block text-xs text-slate-500">{a.ownerEmail}</span>
                </>
              ) : (
                '—'
              ),
          },
          { header: 'Status', cell: (a) => <AccountStatusBadge status={a.status} /> },
          { header: 'Created', className: 'whitespace-nowrap text-slate-600', cell: (a) => formatDate(a.createdAt) },
        ]}
      />
    </>
  );
}

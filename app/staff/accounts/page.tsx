import Link from 'next/link';
import { accountAddress } from '@/lib/staff/address';
import { AccountStatusBadge } from '@/components/staff/badges';
import { FilterForm, Pagination, param } from '@/components/staff/filters';
import { DataTable, EmptyState, PageHeader } from '@/components/ui/page';
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
      {res.rows.length === 0 ? (
        <EmptyState>{q || status ? 'No accounts match this search.' : 'There are no accounts yet.'}</EmptyState>
      ) : (
        <DataTable caption="Accounts">
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Company</th>
              <th scope="col">Owner</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {res.rows.map((a) => (
              <tr key={a.id}>
                <td className="whitespace-nowrap font-medium">
                  <Link href={`/staff/accounts/${a.id}`}>{accountAddress(a.slug)}</Link>
                </td>
                <td className="min-w-40">{a.companyName}</td>
                <td className="whitespace-nowrap">
                  {a.ownerDeletedAt || (a.ownerName && !a.ownerEmail) ? (
                    <span className="text-slate-500">Deleted user</span>
                  ) : a.ownerEmail ? (
                    <>
                      <span className="block">{a.ownerName}</span>
                      <span className="block text-xs text-slate-500">{a.ownerEmail}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <AccountStatusBadge status={a.status} />
                </td>
                <td className="whitespace-nowrap text-slate-600">{formatDate(a.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <Pagination path="/staff/accounts" params={{ q, status }} page={res.page} hasNext={res.hasNext} />
    </>
  );
}

import { AuditTable } from '@/components/audit-table';
import { FilterForm, param } from '@/components/staff/filters';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { parsePage, searchAudit } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffAudit({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const sp = await searchParams;
  const q = param(sp.q);
  const account = param(sp.account);
  const page = parsePage(sp.page);
  const res = await searchAudit(await getDb(), { q, account, page });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every action with a money or data effect, by owners, staff and the system. Entries are permanent: they cannot be edited or deleted."
      />
      <FilterForm
        action="/staff/audit"
        texts={[
          { name: 'q', label: 'Search audit log', value: q, placeholder: 'Action or target, e.g. account.signed_up' },
          { name: 'account', label: 'Account address', value: account, placeholder: 'acme' },
        ]}
      />
      <AuditTable
        view="staff"
        rows={res.rows}
        caption="Audit log"
        empty="No audit entries match."
        pagination={{ path: '/staff/audit', params: { q, account }, page: res.page, hasNext: res.hasNext }}
      />
    </>
  );
}

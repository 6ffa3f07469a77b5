import { DataTable, EmptyState, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { listAccountAudit } from '@/lib/accounts/portal-queries';
import { requireOwner } from '@/lib/auth/guards';
import { formatDateTime } from '@/lib/format';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Audit log' };

export default async function AuditPage() {
  const ctx = await requireOwner();
  const limit = 200;
  const rows = await listAccountAudit(await getDb(), ctx.account.id, limit);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Everything that changed money or data in your account — by you, your users, our staff or the system — with when and from where. Entries cannot be edited or removed."
      />
      {rows.length === 0 ? (
        <EmptyState>Nothing has been recorded yet.</EmptyState>
      ) : (
        <DataTable caption="Audit log of your account, newest first">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">From IP</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap">{formatDateTime(r.at)}</td>
                <td>{r.who}</td>
                <td>
                  {r.actionLabel}
                  {r.note && <span className="block text-xs text-slate-500">Reason: {r.note}</span>}
                </td>
                <td className="whitespace-nowrap">{r.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p className="mt-3 text-xs text-slate-500">
        Times are shown in Central European time (Bratislava).
        {rows.length === limit && ` Showing the latest ${limit} entries; ask support for older ones.`}
      </p>
    </>
  );
}

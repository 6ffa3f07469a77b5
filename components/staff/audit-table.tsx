// The audit log as staff read it (OPS-2): read-only, newest first.
import { accountAddress } from '@/lib/staff/address';
import Link from 'next/link';
import { DataTable, EmptyState } from '@/components/ui/page';
import { formatDateTime } from '@/lib/format';
import { summariseDetails } from '@/lib/staff/display';
import { actorLabel, type AuditRow } from '@/lib/staff/queries';

export function AuditTable({ rows, showAccount = true, caption = 'Audit log' }: { rows: AuditRow[]; showAccount?: boolean; caption?: string }) {
  if (rows.length === 0) return <EmptyState>No audit entries match.</EmptyState>;
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          {showAccount && <th scope="col">Account</th>}
          <th scope="col">IP</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="whitespace-nowrap text-slate-600">{formatDateTime(r.at)}</td>
            <td className="whitespace-nowrap">{actorLabel(r)}</td>
            <td className="min-w-48">
              <span className="block whitespace-nowrap font-mono text-xs">{r.action}</span>
              {summariseDetails(r.details) && <span className="block text-xs text-slate-500">{summariseDetails(r.details)}</span>}
            </td>
            <td className="max-w-48 truncate font-mono text-xs text-slate-600" title={r.target ?? undefined}>
              {r.target ?? '—'}
            </td>
            {showAccount && (
              <td className="whitespace-nowrap">
                {r.accountId && r.accountSlug ? <Link href={`/staff/accounts/${r.accountId}`}>{accountAddress(r.accountSlug)}</Link> : '—'}
              </td>
            )}
            <td className="whitespace-nowrap font-mono text-xs text-slate-600">{r.ip ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

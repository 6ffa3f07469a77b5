import Link from 'next/link';
import { DataTable, EmptyState } from '@/components/ui/page';
import { formatDateTime } from '@/lib/format';
import type { OutboxStatus } from '@/lib/staff/queries';
import { OutboxStatusBadge } from './badges';

export interface OutboxListRow {
  id: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
}

export function OutboxTable({ rows, compact = false, caption = 'Emails' }: { rows: OutboxListRow[]; compact?: boolean; caption?: string }) {
  if (rows.length === 0) return <EmptyState>No emails match.</EmptyState>;
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">To</th>
          <th scope="col">Subject</th>
          <th scope="col">Status</th>
          {!compact && <th scope="col">Attempts</th>}
          <th scope="col">Created</th>
          {!compact && <th scope="col">Sent</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="whitespace-nowrap">{r.to}</td>
            <td className="min-w-48">
              <Link href={`/staff/outbox/${r.id}`}>{r.subject}</Link>
            </td>
            <td>
              <OutboxStatusBadge status={r.status} />
            </td>
            {!compact && <td className="tabular-nums">{r.attempts}</td>}
            <td className="whitespace-nowrap text-slate-600">{formatDateTime(r.createdAt)}</td>
            {!compact && <td className="whitespace-nowrap text-slate-600">{formatDateTime(r.sentAt)}</td>}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

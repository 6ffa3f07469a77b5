import Link from 'next/link';
import { DataTable, type Columns } from '@/components/ui/data-table';
import type { PaginationProps } from '@/components/ui/pagination';
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

/** The outbox, or one account's emails (`compact`: without attempts and sent time). */
export function OutboxTable({
  rows,
  compact = false,
  caption = 'Emails',
  pagination,
}: {
  rows: OutboxListRow[];
  compact?: boolean;
  caption?: string;
  pagination?: PaginationProps;
}) {
  const columns: Columns<OutboxListRow> = [
    { header: 'To', cell: (r) => r.to, className: 'whitespace-nowrap' },
    { header: 'Subject', cell: (r) => <Link href={`/staff/outbox/${r.id}`}>{r.subject}</Link>, className: 'min-w-48' },
    { header: 'Status', cell: (r) => <OutboxStatusBadge status={r.status} /> },
    !compact && { header: 'Attempts', cell: (r) => r.attempts, align: 'right' },
    { header: 'Created', cell: (r) => formatDateTime(r.createdAt), className: 'whitespace-nowrap text-slate-600' },
    !compact && { header: 'Sent', cell: (r) => formatDateTime(r.sentAt), className: 'whitespace-nowrap text-slate-600' },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.id} empty="No emails match." pagination={pagination} />;
}

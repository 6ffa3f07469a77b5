import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { DataTable, type Columns } from '@/components/ui/data-table';
import type { PaginationProps } from '@/components/ui/pagination';
import { getFormatters } from '@/lib/i18n/server';
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
export async function OutboxTable({
  rows,
  compact = false,
  caption,
  pagination,
}: {
  rows: OutboxListRow[];
  compact?: boolean;
  caption?: string;
  pagination?: PaginationProps;
}) {
  const t = await getTranslations('staff.outbox');
  const f = await getFormatters();
  const columns: Columns<OutboxListRow> = [
    { header: t('columns.to'), cell: (r) => r.to, className: 'whitespace-nowrap' },
    { header: t('columns.subject'), cell: (r) => <Link href={`/staff/outbox/${r.id}`}>{r.subject}</Link>, className: 'min-w-48' },
    { header: t('columns.status'), cell: (r) => <OutboxStatusBadge status={r.status} /> },
    !compact && { header: t('columns.attempts'), cell: (r) => r.attempts, align: 'right' },
    { header: t('columns.created'), cell: (r) => f.dateTime(r.createdAt), className: 'whitespace-nowrap text-slate-600' },
    !compact && { header: t('columns.sent'), cell: (r) => f.dateTime(r.sentAt), className: 'whitespace-nowrap text-slate-600' },
  ];
  return <DataTable caption={caption ?? t('defaultCaption')} columns={columns} rows={rows} rowKey={(r) => r.id} empty={t('empty')} pagination={pagination} />;
}

import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { DueDate, RequestStatusBadge } from '@/components/privacy/staff-bits';
import { SubProcessorsLink } from '@/components/privacy/sub-processors-link';
import { FilterForm, param } from '@/components/staff/filters';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { isOverdue } from '@/lib/privacy/due-date';
import { listQueue, listStaffMembers } from '@/lib/privacy/queries';
import { QUEUE_STATUSES, REQUEST_TYPES, type RequestStatus } from '@/lib/privacy/request-rules';
import { parsePage } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('gdpr.staff');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** GDPR-5: the queue of confirmed privacy requests, the one due first at the top. */
export default async function StaffGdpr({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const db = await getDb();
  const sp = await searchParams;
  const filters = { type: param(sp.type), status: param(sp.status), assignee: param(sp.assignee), overdue: param(sp.overdue) };
  const page = parsePage(sp.page);
  const at = now();
  const [list, staffMembers] = await Promise.all([listQueue(db, { ...filters, page }, at), listStaffMembers(db)]);
  const t = await getTranslations('gdpr.staff');
  const tType = await getTranslations('gdpr.types');
  const tStatus = await getTranslations('gdpr.statuses');
  const f = await getFormatters();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<SubProcessorsLink />} />
      <FilterForm
        action="/staff/gdpr"
        selects={[
          { name: 'type', label: t('filters.type'), value: filters.type, options: REQUEST_TYPES.map((v) => ({ value: v, label: tType(v) })) },
          { name: 'status', label: t('filters.status'), value: filters.status, options: QUEUE_STATUSES.map((v) => ({ value: v, label: tStatus(v) })) },
          {
            name: 'assignee',
            label: t('filters.assignee'),
            value: filters.assignee,
            options: [{ value: 'none', label: t('unassigned') }, ...staffMembers.map((s) => ({ value: s.id, label: s.fullName }))],
          },
          { name: 'overdue', label: t('filters.overdue'), value: filters.overdue, options: [{ value: 'yes', label: t('filters.overdueOnly') }] },
        ]}
      />
      <DataTable
        caption={t('caption')}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={t('empty')}
        pagination={{ path: '/staff/gdpr', params: filters, page: list.page, hasNext: list.hasNext }}
        columns={[
          {
            header: t('columns.reference'),
            className: 'whitespace-nowrap font-medium',
            cell: (r) => <Link href={`/staff/gdpr/${r.id}`}>{r.reference}</Link>,
          },
          { header: t('columns.type'), cell: (r) => tType(r.type) },
          {
            header: t('columns.requester'),
            className: 'wrap-anywhere',
            cell: (r) => (
              <>
                <span className="block">{r.fullName}</span>
                <span className="block text-xs text-slate-500">{r.email}</span>
              </>
            ),
          },
          { header: t('columns.received'), className: 'whitespace-nowrap', cell: (r) => (r.receivedAt ? f.date(r.receivedAt) : null) },
          {
            header: t('columns.due'),
            className: 'whitespace-nowrap',
            cell: (r) => <DueDate dueAt={r.dueAt} overdue={isOverdue(r, at)} format={f.date} />,
          },
          { header: t('columns.status'), cell: (r) => <RequestStatusBadge status={r.status as RequestStatus} /> },
          { header: t('columns.assignee'), cell: (r) => r.assigneeName ?? <span className="text-slate-500">{t('unassigned')}</span> },
        ]}
      />
    </>
  );
}

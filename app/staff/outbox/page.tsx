import { FilterForm, param } from '@/components/staff/filters';
import { OutboxTable } from '@/components/staff/outbox-table';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { OUTBOX_STATUS_LABEL, OUTBOX_STATUSES, type OutboxStatus, parsePage, searchOutbox } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffOutbox({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const sp = await searchParams;
  const q = param(sp.q);
  const statusParam = param(sp.status);
  const status = OUTBOX_STATUSES.includes(statusParam as OutboxStatus) ? (statusParam as OutboxStatus) : undefined;
  const page = parsePage(sp.page);
  const res = await searchOutbox(await getDb(), { q, status, page });
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email the system queued. Held emails wait because no mail server is configured; failed ones ran out of retries."
      />
      <FilterForm
        action="/staff/outbox"
        texts={[{ name: 'q', label: 'Search emails', value: q, placeholder: 'Recipient or subject' }]}
        select={{ name: 'status', label: 'Status', value: status, options: OUTBOX_STATUSES.map((s) => ({ value: s, label: OUTBOX_STATUS_LABEL[s] })) }}
      />
      <OutboxTable rows={res.rows} caption="Outbox" pagination={{ path: '/staff/outbox', params: { q, status }, page: res.page, hasNext: res.hasNext }} />
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FilterForm, param } from '@/components/staff/filters';
import { OutboxTable } from '@/components/staff/outbox-table';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { OUTBOX_STATUSES, type OutboxStatus, parsePage, searchOutbox } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.outbox');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffOutbox({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const sp = await searchParams;
  const q = param(sp.q);
  const statusParam = param(sp.status);
  const status = OUTBOX_STATUSES.includes(statusParam as OutboxStatus) ? (statusParam as OutboxStatus) : undefined;
  const page = parsePage(sp.page);
  const res = await searchOutbox(await getDb(), { q, status, page });
  const t = await getTranslations('staff.outbox');
  const tStatus = await getTranslations('staff.status.outbox');
  const tFilters = await getTranslations('staff.filters');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <FilterForm
        action="/staff/outbox"
        texts={[{ name: 'q', label: t('searchLabel'), value: q, placeholder: t('searchPlaceholder') }]}
        select={{ name: 'status', label: tFilters('status'), value: status, options: OUTBOX_STATUSES.map((s) => ({ value: s, label: tStatus(s) })) }}
      />
      <OutboxTable rows={res.rows} caption={t('caption')} pagination={{ path: '/staff/outbox', params: { q, status }, page: res.page, hasNext: res.hasNext }} />
    </>
  );
}

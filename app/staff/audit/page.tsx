import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditTable } from '@/components/audit-table';
import { FilterForm, param } from '@/components/staff/filters';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { parsePage, searchAudit } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.audit');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffAudit({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const sp = await searchParams;
  const q = param(sp.q);
  const account = param(sp.account);
  const page = parsePage(sp.page);
  const res = await searchAudit(await getDb(), { q, account, page });
  const t = await getTranslations('staff.audit');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <FilterForm
        action="/staff/audit"
        texts={[
          { name: 'q', label: t('searchLabel'), value: q, placeholder: t('searchPlaceholder') },
          { name: 'account', label: t('accountLabel'), value: account, placeholder: t('accountPlaceholder') },
        ]}
      />
      <AuditTable
        view="staff"
        rows={res.rows}
        caption={t('caption')}
        empty={t('empty')}
        pagination={{ path: '/staff/audit', params: { q, account }, page: res.page, hasNext: res.hasNext }}
      />
    </>
  );
}

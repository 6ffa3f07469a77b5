import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DocumentsTable } from '@/components/staff/documents-table';
import { FilterForm, param } from '@/components/staff/filters';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { listAllDocuments } from '@/lib/invoices/queries';
import { parsePage } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.invoices');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

// INV-5: staff see every account's invoices and credit notes.
export default async function StaffInvoices({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const sp = await searchParams;
  const q = param(sp.q);
  const page = parsePage(sp.page);
  const res = await listAllDocuments(await getDb(), { q, page });
  const t = await getTranslations('staff.invoices');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <FilterForm action="/staff/invoices" texts={[{ name: 'q', label: t('searchLabel'), value: q, placeholder: t('searchPlaceholder') }]} />
      <DocumentsTable
        rows={res.rows}
        withAccount
        caption={t('caption')}
        empty={q ? t('emptySearch') : t('empty')}
        pagination={{ path: '/staff/invoices', params: { q }, page: res.page, hasNext: res.hasNext }}
      />
    </>
  );
}

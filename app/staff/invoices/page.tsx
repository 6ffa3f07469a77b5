import { DocumentsTable } from '@/components/staff/documents-table';
import { FilterForm, param } from '@/components/staff/filters';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { listAllDocuments } from '@/lib/invoices/queries';
import { parsePage } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Invoices' };

type Search = Promise<Record<string, string | string[] | undefined>>;

// INV-5: staff see every account's invoices and credit notes.
export default async function StaffInvoices({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const sp = await searchParams;
  const q = param(sp.q);
  const page = parsePage(sp.page);
  const res = await listAllDocuments(await getDb(), { q, page });
  return (
    <>
      <PageHeader title="Invoices" description="Every account's invoices and credit notes, newest first. Search by number or account address." />
      <FilterForm action="/staff/invoices" texts={[{ name: 'q', label: 'Search documents', value: q, placeholder: 'INV-2026-000123, acme…' }]} />
      <DocumentsTable
        rows={res.rows}
        withAccount
        caption="Invoices and credit notes"
        empty={q ? 'No invoices or credit notes match this search.' : 'No invoices or credit notes have been issued yet.'}
        pagination={{ path: '/staff/invoices', params: { q }, page: res.page, hasNext: res.hasNext }}
      />
    </>
  );
}

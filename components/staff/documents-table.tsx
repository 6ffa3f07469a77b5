// INV-5/INV-6: invoices and credit notes as staff see them, with corrections linked to the
// invoice they correct. PDFs come from /api/invoices/[id]/pdf, which lets staff read any account's.
import Link from 'next/link';
import { DataTable, type Columns } from '@/components/ui/data-table';
import type { PaginationProps } from '@/components/ui/pagination';
import { formatDate, formatMoney } from '@/lib/format';
import type { DocumentRow } from '@/lib/invoices/queries';
import { accountAddress } from '@/lib/staff/address';
import { documentRelation } from '@/lib/staff/display';
import { DocumentStatusBadge } from './badges';

const KIND_LABEL = { invoice: 'Invoice', credit_note: 'Credit note' } as const;

export const documentPdfUrl = (id: string) => `/api/invoices/${id}/pdf`;

/**
 * `withAccount`: the all-accounts list, with an Account column and a separate PDF column.
 * Without it (one account's page) the number itself downloads the PDF.
 */
export function DocumentsTable({
  rows,
  withAccount = false,
  caption,
  empty,
  pagination,
}: {
  rows: DocumentRow[];
  withAccount?: boolean;
  caption: string;
  empty: string;
  pagination?: PaginationProps;
}) {
  const columns: Columns<DocumentRow> = [
    {
      header: 'Number',
      className: 'whitespace-nowrap',
      cell: (d) => {
        const relation = documentRelation(d);
        return (
          <>
            {withAccount ? (
              <span className="font-mono text-xs">{d.number}</span>
            ) : (
              <a href={documentPdfUrl(d.id)} className="font-mono text-xs" title={`Download ${d.number} as PDF`}>
                {d.number}
              </a>
            )}
            {relation && <span className="block text-xs text-slate-500">{relation}</span>}
          </>
        );
      },
    },
    withAccount && {
      header: 'Account',
      className: 'whitespace-nowrap',
      cell: (d) => (d.accountSlug ? <Link href={`/staff/accounts/${d.accountId}`}>{accountAddress(d.accountSlug)}</Link> : '—'),
    },
    { header: 'Type', cell: (d) => KIND_LABEL[d.kind], className: 'whitespace-nowrap' },
    { header: 'Issued', cell: (d) => formatDate(d.issuedAt), className: 'whitespace-nowrap text-slate-600' },
    { header: 'Total', cell: (d) => formatMoney(d.grossCents), align: 'right', className: 'whitespace-nowrap' },
    { header: 'Status', cell: (d) => <DocumentStatusBadge status={d.status} /> },
    withAccount && {
      header: 'PDF',
      className: 'whitespace-nowrap',
      // aria-label, not an sr-only span: an absolutely positioned span escapes the table's scroll box on narrow screens.
      cell: (d) => (
        <a href={documentPdfUrl(d.id)} aria-label={`PDF of ${d.number}`}>
          PDF
        </a>
      ),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(d) => d.id} empty={empty} pagination={pagination} />;
}

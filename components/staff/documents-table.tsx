// INV-5/INV-6: invoices and credit notes as staff see them, with corrections linked to the
// invoice they correct. PDFs come from /api/invoices/[id]/pdf, which lets staff read any account's.
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { DataTable, type Columns } from '@/components/ui/data-table';
import type { PaginationProps } from '@/components/ui/pagination';
import { getFormatters } from '@/lib/i18n/server';
import type { DocumentRow } from '@/lib/invoices/queries';
import { accountAddress } from '@/lib/staff/address';
import { documentRelation } from '@/lib/staff/display';
import { DocumentStatusBadge } from './badges';

export const documentPdfUrl = (id: string) => `/api/invoices/${id}/pdf`;

/**
 * `withAccount`: the all-accounts list, with an Account column and a separate PDF column.
 * Without it (one account's page) the number itself downloads the PDF.
 */
export async function DocumentsTable({
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
  const t = await getTranslations('staff.documents');
  const f = await getFormatters();
  const columns: Columns<DocumentRow> = [
    {
      header: t('columns.number'),
      className: 'whitespace-nowrap',
      cell: (d) => {
        const relation = documentRelation(d, f.locale);
        return (
          <>
            {withAccount ? (
              <span className="font-mono text-xs">{d.number}</span>
            ) : (
              <a href={documentPdfUrl(d.id)} className="font-mono text-xs" title={t('download', { number: d.number })}>
                {d.number}
              </a>
            )}
            {relation && <span className="block text-xs text-slate-500">{relation}</span>}
          </>
        );
      },
    },
    withAccount && {
      header: t('columns.account'),
      className: 'whitespace-nowrap',
      cell: (d) => (d.accountSlug ? <Link href={`/staff/accounts/${d.accountId}`}>{accountAddress(d.accountSlug)}</Link> : '—'),
    },
    { header: t('columns.type'), cell: (d) => t(`kinds.${d.kind}`), className: 'whitespace-nowrap' },
    { header: t('columns.issued'), cell: (d) => f.date(d.issuedAt), className: 'whitespace-nowrap text-slate-600' },
    { header: t('columns.total'), cell: (d) => f.money(d.grossCents), align: 'right', className: 'whitespace-nowrap' },
    { header: t('columns.status'), cell: (d) => <DocumentStatusBadge status={d.status} /> },
    withAccount && {
      header: t('columns.pdf'),
      className: 'whitespace-nowrap',
      // aria-label, not an sr-only span: an absolutely positioned span escapes the table's scroll box on narrow screens.
      cell: (d) => (
        <a href={documentPdfUrl(d.id)} aria-label={t('pdfOf', { number: d.number })}>
          {t('pdf')}
        </a>
      ),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(d) => d.id} empty={empty} pagination={pagination} />;
}

// INV-5/INV-6: invoices and credit notes as staff see them, with corrections linked to the
// invoice they correct. PDFs come from /api/invoices/[id]/pdf, which lets staff read any account's.
import Link from 'next/link';
import { DataTable, EmptyState } from '@/components/ui/page';
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
export function DocumentsTable({ rows, withAccount = false, caption, empty }: { rows: DocumentRow[]; withAccount?: boolean; caption: string; empty: string }) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Number</th>
          {withAccount && <th scope="col">Account</th>}
          <th scope="col">Type</th>
          <th scope="col">Issued</th>
          <th scope="col">Total</th>
          <th scope="col">Status</th>
          {withAccount && <th scope="col">PDF</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => {
          const relation = documentRelation(d);
          return (
            <tr key={d.id}>
              <td className="whitespace-nowrap">
                {withAccount ? (
                  <span className="font-mono text-xs">{d.number}</span>
                ) : (
                  <a href={documentPdfUrl(d.id)} className="font-mono text-xs" title={`Download ${d.number} as PDF`}>
                    {d.number}
                  </a>
                )}
                {relation && <span className="block text-xs text-slate-500">{relation}</span>}
              </td>
              {withAccount && (
                <td className="whitespace-nowrap">
                  {d.accountSlug ? <Link href={`/staff/accounts/${d.accountId}`}>{accountAddress(d.accountSlug)}</Link> : '—'}
                </td>
              )}
              <td className="whitespace-nowrap">{KIND_LABEL[d.kind]}</td>
              <td className="whitespace-nowrap text-slate-600">{formatDate(d.issuedAt)}</td>
              <td className="whitespace-nowrap tabular-nums">{formatMoney(d.grossCents)}</td>
              <td>
                <DocumentStatusBadge status={d.status} />
              </td>
              {withAccount && (
                <td className="whitespace-nowrap">
                  {/* aria-label, not an sr-only span: an absolutely positioned span escapes the table's scroll box on narrow screens. */}
                  <a href={documentPdfUrl(d.id)} aria-label={`PDF of ${d.number}`}>
                    PDF
                  </a>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

import Link from 'next/link';
import { CorrectionForm } from '@/components/account/invoices/correction-form';
import { DOCUMENT_TYPE, DocumentStatusBadge, PdfLink } from '@/components/account/invoices/document-labels';
import { Card, DataTable, EmptyState, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireOwnerEvenIfSuspended } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { formatDate, formatMoney } from '@/lib/format';
import { correctionRefusal, correctionStatus } from '@/lib/invoices/corrections';
import { listAccountDocuments } from '@/lib/invoices/queries';
import { requestCorrectionAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Invoices' };

export default async function InvoicesPage() {
  const ctx = await requireOwnerEvenIfSuspended();
  const db = await getDb();
  const [documents, correction] = await Promise.all([listAccountDocuments(db, ctx.account.id), correctionStatus(db, ctx.account.id, now())]);
  const latest = correction.invoice;
  const refusal = correctionRefusal(correction);

  return (
    <>
      <PageHeader title="Invoices" description="Your invoices and credit notes. Download any of them as PDF." />
      <div className="space-y-6">
        {documents.length === 0 ? (
          <EmptyState>No invoices yet — your first invoice is issued when you add a payment method.</EmptyState>
        ) : (
          <DataTable caption="Invoices and credit notes, newest first">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Type</th>
                <th scope="col">Issued</th>
                <th scope="col">Period</th>
                <th scope="col" className="text-right!">
                  Total
                </th>
                <th scope="col">Status</th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td className="whitespace-nowrap font-medium">
                    <Link href={`/account/invoices/${d.id}`}>{d.number}</Link>
                  </td>
                  <td className="whitespace-nowrap">{DOCUMENT_TYPE[d.kind]}</td>
                  <td className="whitespace-nowrap">{formatDate(d.issuedAt)}</td>
                  <td className="whitespace-nowrap">{d.periodStart && d.periodEnd ? `${formatDate(d.periodStart)} – ${formatDate(d.periodEnd)}` : '—'}</td>
                  <td className="whitespace-nowrap text-right tabular-nums">{formatMoney(d.grossCents)}</td>
                  <td>
                    <DocumentStatusBadge status={d.status} />
                  </td>
                  <td>
                    <PdfLink doc={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}

        {latest && (
          <Card title="Correct the latest invoice">
            <div className="space-y-3 text-sm text-slate-700">
              {refusal ? (
                <p>{refusal}</p>
              ) : (
                <>
                  <p>
                    You can ask for the latest invoice to show your current billing details until <strong>{formatDate(correction.deadline)}</strong>.
                  </p>
                  <p>
                    The latest invoice is <Link href={`/account/invoices/${latest.id}`}>{latest.number}</Link>, issued on {formatDate(latest.issuedAt)} to{' '}
                    {latest.buyer.company || latest.buyer.name}. First update your details on the <Link href="/account/billing">Billing</Link> page. We
                    then issue a credit note cancelling {latest.number} and a new invoice with your current details — the same amounts and the same VAT
                    treatment — and email both to your invoice email.
                  </p>
                </>
              )}
              {/* Offered even after the deadline: asking gets the same answer, with the next invoice's date, next to the button. */}
              <CorrectionForm action={requestCorrectionAction} invoiceId={latest.id} />
            </div>
          </Card>
        )}
      </div>
    </>
  );
}

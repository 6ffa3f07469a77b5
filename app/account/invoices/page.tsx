import Link from 'next/link';
import { CorrectionForm } from '@/components/account/invoices/correction-form';
import { DOCUMENT_TYPE, DocumentStatusBadge, PdfLink } from '@/components/account/invoices/document-labels';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
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
        <DataTable
          caption="Invoices and credit notes, newest first"
          rows={documents}
          rowKey={(d) => d.id}
          empty="No invoices yet — your first invoice is issued when you add a payment method."
          columns={[
            { header: 'Number', className: 'whitespace-nowrap font-medium', cell: (d) => <Link href={`/account/invoices/${d.id}`}>{d.number}</Link> },
            { header: 'Type', className: 'whitespace-nowrap', cell: (d) => DOCUMENT_TYPE[d.kind] },
            { header: 'Issued', className: 'whitespace-nowrap', cell: (d) => formatDate(d.issuedAt) },
            {
              header: 'Period',
              className: 'whitespace-nowrap',
              cell: (d) => (d.periodStart && d.periodEnd ? `${formatDate(d.periodStart)} – ${formatDate(d.periodEnd)}` : '—'),
            },
            { header: 'Total', align: 'right', className: 'whitespace-nowrap', cell: (d) => formatMoney(d.grossCents) },
            { header: 'Status', cell: (d) => <DocumentStatusBadge status={d.status} /> },
            { header: 'PDF', cell: (d) => <PdfLink doc={d} /> },
          ]}
        />

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

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DOCUMENT_TYPE, DocumentStatusBadge, PdfLink } from '@/components/account/invoices/document-labels';
import { PartyAddress } from '@/components/account/invoices/party';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireOwnerEvenIfSuspended } from '@/lib/auth/guards';
import { countryName } from '@/lib/billing/countries';
import { formatDate, formatMoney } from '@/lib/format';
import { invoiceLinesOf } from '@/lib/invoices/issue';
import { getAccountDocument, relatedDocuments, type DocumentRow } from '@/lib/invoices/queries';
import { REVERSE_CHARGE_NOTE } from '@/lib/vat/treatment';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Invoice' };

function vatTreatmentLabel(doc: DocumentRow): string {
  switch (doc.vatKind) {
    case 'domestic':
      return 'Slovak VAT';
    case 'reverse_charge':
      return 'Reverse charge';
    case 'eu_consumer':
      return `VAT of ${countryName(doc.buyer.country)}`;
    case 'outside_eu':
      return 'Outside the EU, no VAT';
  }
}

function DocLink({ doc }: { doc: { id: string; number: string } }) {
  return <Link href={`/account/invoices/${doc.id}`}>{doc.number}</Link>;
}

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireOwnerEvenIfSuspended();
  const { id } = await params;
  const db = await getDb();
  const doc = await getAccountDocument(db, ctx.account.id, id);
  if (!doc) notFound();
  const [lines, related] = await Promise.all([invoiceLinesOf(db, doc.id), relatedDocuments(db, doc)]);
  const type = DOCUMENT_TYPE[doc.kind];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/invoices">← All invoices</Link>
      </p>
      <PageHeader
        title={doc.number}
        description={
          <>
            {type} issued on {formatDate(doc.issuedAt)}
            {doc.periodStart && doc.periodEnd && (
              <>
                {' '}
                for {formatDate(doc.periodStart)} – {formatDate(doc.periodEnd)}
              </>
            )}
          </>
        }
        actions={<PdfLink doc={doc} button />}
      />
      <div className="space-y-6">
        <Card title="Status">
          <div className="space-y-2 text-sm text-slate-700">
            <p>
              <DocumentStatusBadge status={doc.status} />
            </p>
            {doc.kind === 'credit_note' && related.refersTo && (
              <p>
                Cancels invoice <DocLink doc={related.refersTo} />.
              </p>
            )}
            {doc.kind === 'invoice' && related.refersTo && (
              <p>
                Replaces invoice <DocLink doc={related.refersTo} />.
              </p>
            )}
            {related.creditNotes.map((cn) => (
              <p key={cn.id}>
                Cancelled by credit note <DocLink doc={cn} />.
              </p>
            ))}
            {related.replacements.map((r) => (
              <p key={r.id}>
                Replaced by invoice <DocLink doc={r} />.
              </p>
            ))}
          </div>
        </Card>

        <div className="grid gap-6 sm:grid-cols-2">
          <Card title="Seller">
            <PartyAddress party={doc.seller} />
          </Card>
          <Card title="Bill to">
            <PartyAddress party={doc.buyer} />
            <p className="mt-3 text-xs text-slate-500">As on the day of issue. Later changes to your billing details do not change issued documents.</p>
          </Card>
        </div>

        <section aria-labelledby="lines-heading" className="space-y-3">
          <h2 id="lines-heading" className="text-lg font-semibold text-slate-900">
            Items
          </h2>
          <DataTable
            caption={`Items of ${doc.number}`}
            rows={lines}
            rowKey={(l) => String(l.id)}
            empty="This document has no items."
            columns={[
              { header: 'Description', className: 'min-w-48', cell: (l) => l.description },
              { header: 'Quantity', align: 'right', cell: (l) => l.quantity },
              { header: 'Unit price', align: 'right', className: 'whitespace-nowrap', cell: (l) => formatMoney(l.unitPriceCents) },
              { header: 'Net', align: 'right', className: 'whitespace-nowrap', cell: (l) => formatMoney(l.netCents) },
              { header: 'VAT', align: 'right', className: 'whitespace-nowrap', cell: (l) => formatMoney(l.vatCents) },
              { header: 'Total', align: 'right', className: 'whitespace-nowrap', cell: (l) => formatMoney(l.grossCents) },
            ]}
          />
        </section>

        <div className="grid gap-6 sm:grid-cols-2">
          <section aria-labelledby="vat-heading" className="space-y-3">
            <h2 id="vat-heading" className="text-lg font-semibold text-slate-900">
              VAT breakdown
            </h2>
            <DataTable
              caption={`VAT of ${doc.number}`}
              rows={[doc]}
              rowKey={(d) => d.id}
              empty={null}
              columns={[
                {
                  header: 'Rate',
                  cell: (d) => (
                    <>
                      {d.vatRate} % <span className="text-slate-500">({vatTreatmentLabel(d)})</span>
                    </>
                  ),
                },
                { header: 'Net', align: 'right', className: 'whitespace-nowrap', cell: (d) => formatMoney(d.netCents) },
                { header: 'VAT', align: 'right', className: 'whitespace-nowrap', cell: (d) => formatMoney(d.vatCents) },
              ]}
            />
            {doc.vatKind === 'reverse_charge' && <p className="text-sm text-slate-700">{REVERSE_CHARGE_NOTE}</p>}
            {doc.vatKind === 'outside_eu' && <p className="text-sm text-slate-700">Supply of services outside the EU: not subject to EU VAT.</p>}
          </section>

          <Card title="Totals">
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between gap-4">
                <dt className="text-slate-600">Net amount</dt>
                <dd className="tabular-nums">{formatMoney(doc.netCents)}</dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-slate-600">VAT {doc.vatRate} %</dt>
                <dd className="tabular-nums">{formatMoney(doc.vatCents)}</dd>
              </div>
              <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-semibold text-slate-900">
                <dt>{doc.kind === 'invoice' ? 'Total' : 'Total credited'}</dt>
                <dd className="tabular-nums">{formatMoney(doc.grossCents)}</dd>
              </div>
            </dl>
          </Card>
        </div>

        {doc.note && (
          <Card title="Note">
            <p className="text-sm text-slate-700">{doc.note}</p>
          </Card>
        )}
      </div>
    </>
  );
}

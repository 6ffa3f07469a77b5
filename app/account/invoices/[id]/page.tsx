import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { documentTypeNames, DocumentStatusBadge, PdfLink } from '@/components/account/invoices/document-labels';
import { PartyAddress } from '@/components/account/invoices/party';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireOwnerEvenIfSuspended } from '@/lib/auth/guards';
import { countryName } from '@/lib/billing/countries';
import { getFormatters } from '@/lib/i18n/server';
import { invoiceLinesOf } from '@/lib/invoices/issue';
import { getAccountDocument, relatedDocuments, type DocumentRow } from '@/lib/invoices/queries';
import type { Locale } from '@/lib/i18n/config';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('account.invoice');
  return { title: t('title') };
}

type InvoiceTranslator = Awaited<ReturnType<typeof getTranslations<'account.invoice'>>>;

function vatTreatmentLabel(doc: DocumentRow, t: InvoiceTranslator, locale: Locale): string {
  switch (doc.vatKind) {
    case 'domestic':
      return t('treatment.domestic');
    case 'reverse_charge':
      return t('treatment.reverseCharge');
    case 'eu_consumer':
      return t('treatment.euConsumer', { country: countryName(doc.buyer.country, locale) });
    case 'outside_eu':
      return t('treatment.outsideEu');
  }
}

/** The VAT rate as the reader writes numbers (25,5 in Dutch); English shows it as stored. */
function rateText(rate: string, locale: Locale): string {
  return locale === 'en' ? rate : Number(rate).toLocaleString('nl-NL', { maximumFractionDigits: 2 });
}

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireOwnerEvenIfSuspended();
  const { id } = await params;
  const db = await getDb();
  const doc = await getAccountDocument(db, ctx.account.id, id);
  if (!doc) notFound();
  const [lines, related] = await Promise.all([invoiceLinesOf(db, doc.id), relatedDocuments(db, doc)]);
  const [t, f, types, tCredit] = await Promise.all([getTranslations('account.invoice'), getFormatters(), documentTypeNames(), getTranslations('credit.invoice')]);
  const type = types[doc.kind];
  const link = (chunks: React.ReactNode, target: { id: string; number: string }) => <Link href={`/account/invoices/${target.id}`}>{chunks}</Link>;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/invoices">{t('allInvoices')}</Link>
      </p>
      <PageHeader
        title={doc.number}
        description={
          <>
            {t('issuedOn', { type, date: f.date(doc.issuedAt) })}
            {doc.periodStart && doc.periodEnd && (
              <>
                {' '}
                {t('forPeriod', { start: f.date(doc.periodStart), end: f.date(doc.periodEnd) })}
              </>
            )}
          </>
        }
        actions={<PdfLink doc={doc} button />}
      />
      <div className="space-y-6">
        <Card title={t('status')}>
          <div className="space-y-2 text-sm text-slate-700">
            <p>
              <DocumentStatusBadge status={doc.status} />
            </p>
            {/* INV-7: a renewal paid from prepaid credit says so. */}
            {doc.paidFromCredit && <p>{tCredit('paidFromCredit')}</p>}
            {doc.kind === 'credit_note' && related.refersTo && (
              <p>{t.rich('cancelsInvoice', { number: related.refersTo.number, link: (chunks) => link(chunks, related.refersTo!) })}</p>
            )}
            {doc.kind === 'invoice' && related.refersTo && (
              <p>{t.rich('replacesInvoice', { number: related.refersTo.number, link: (chunks) => link(chunks, related.refersTo!) })}</p>
            )}
            {related.creditNotes.map((cn) => (
              <p key={cn.id}>{t.rich('cancelledBy', { number: cn.number, link: (chunks) => link(chunks, cn) })}</p>
            ))}
            {related.replacements.map((r) => (
              <p key={r.id}>{t.rich('replacedBy', { number: r.number, link: (chunks) => link(chunks, r) })}</p>
            ))}
          </div>
        </Card>

        <div className="grid gap-6 sm:grid-cols-2">
          <Card title={t('seller')}>
            <PartyAddress party={doc.seller} />
          </Card>
          <Card title={t('billTo')}>
            <PartyAddress party={doc.buyer} />
            <p className="mt-3 text-xs text-slate-500">{t('asIssued')}</p>
          </Card>
        </div>

        <section aria-labelledby="lines-heading" className="space-y-3">
          <h2 id="lines-heading" className="text-lg font-semibold text-slate-900">
            {t('items')}
          </h2>
          <DataTable
            caption={t('itemsCaption', { number: doc.number })}
            rows={lines}
            rowKey={(l) => String(l.id)}
            empty={t('noItems')}
            columns={[
              { header: t('description'), className: 'min-w-48', cell: (l) => l.description },
              { header: t('quantity'), align: 'right', cell: (l) => l.quantity },
              { header: t('unitPrice'), align: 'right', className: 'whitespace-nowrap', cell: (l) => f.money(l.unitPriceCents) },
              { header: t('net'), align: 'right', className: 'whitespace-nowrap', cell: (l) => f.money(l.netCents) },
              { header: t('vat'), align: 'right', className: 'whitespace-nowrap', cell: (l) => f.money(l.vatCents) },
              { header: t('total'), align: 'right', className: 'whitespace-nowrap', cell: (l) => f.money(l.grossCents) },
            ]}
          />
        </section>

        <div className="grid gap-6 sm:grid-cols-2">
          <section aria-labelledby="vat-heading" className="space-y-3">
            <h2 id="vat-heading" className="text-lg font-semibold text-slate-900">
              {t('vatBreakdown')}
            </h2>
            <DataTable
              caption={t('vatCaption', { number: doc.number })}
              rows={[doc]}
              rowKey={(d) => d.id}
              empty={null}
              columns={[
                {
                  header: t('rate'),
                  cell: (d) => (
                    <>
                      {rateText(d.vatRate, f.locale)} % <span className="text-slate-500">({vatTreatmentLabel(d, t, f.locale)})</span>
                    </>
                  ),
                },
                { header: t('net'), align: 'right', className: 'whitespace-nowrap', cell: (d) => f.money(d.netCents) },
                { header: t('vat'), align: 'right', className: 'whitespace-nowrap', cell: (d) => f.money(d.vatCents) },
              ]}
            />
            {doc.vatKind === 'reverse_charge' && <p className="text-sm text-slate-700">{t('reverseChargeNote')}</p>}
            {doc.vatKind === 'outside_eu' && <p className="text-sm text-slate-700">{t('outsideEuNote')}</p>}
          </section>

          <Card title={t('totals')}>
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between gap-4">
                <dt className="text-slate-600">{t('netAmount')}</dt>
                <dd className="tabular-nums">{f.money(doc.netCents)}</dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-slate-600">{t('vatRate', { rate: rateText(doc.vatRate, f.locale) })}</dt>
                <dd className="tabular-nums">{f.money(doc.vatCents)}</dd>
              </div>
              <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-semibold text-slate-900">
                <dt>{doc.kind === 'invoice' ? t('total') : t('totalCredited')}</dt>
                <dd className="tabular-nums">{f.money(doc.grossCents)}</dd>
              </div>
            </dl>
          </Card>
        </div>

        {doc.note && (
          <Card title={t('note')}>
            <p className="text-sm text-slate-700">{doc.note}</p>
          </Card>
        )}
      </div>
    </>
  );
}

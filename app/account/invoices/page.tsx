import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { CorrectionForm } from '@/components/account/invoices/correction-form';
import { documentTypeNames, DocumentStatusBadge, PdfLink } from '@/components/account/invoices/document-labels';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireOwnerEvenIfSuspended } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters, translateForRequest } from '@/lib/i18n/server';
import { correctionRefusal, correctionStatus } from '@/lib/invoices/corrections';
import { listAccountDocuments } from '@/lib/invoices/queries';
import { requestCorrectionAction } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export const dynamic = 'force-dynamic';
export async function generateMetadata() {
  const t = await getTranslations('account.invoices');
  return { title: t('title') };
}

export default async function InvoicesPage() {
  const ctx = await requireOwnerEvenIfSuspended();
  const db = await getDb();
  const [documents, correction] = await Promise.all([listAccountDocuments(db, ctx.account.id), correctionStatus(db, ctx.account.id, now())]);
  const latest = correction.invoice;
  const [t, f, types] = await Promise.all([getTranslations('account.invoices'), getFormatters(), documentTypeNames()]);
  const refusal = await translateForRequest(correctionRefusal(correction, f) ?? undefined);

  return (
    <ClientMessages name="accountInvoices">
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6">
        <DataTable
          caption={t('caption')}
          rows={documents}
          rowKey={(d) => d.id}
          empty={t('empty')}
          columns={[
            { header: t('number'), className: 'whitespace-nowrap font-medium', cell: (d) => <Link href={`/account/invoices/${d.id}`}>{d.number}</Link> },
            { header: t('type'), className: 'whitespace-nowrap', cell: (d) => types[d.kind] },
            { header: t('issued'), className: 'whitespace-nowrap', cell: (d) => f.date(d.issuedAt) },
            {
              header: t('period'),
              className: 'whitespace-nowrap',
              cell: (d) => (d.periodStart && d.periodEnd ? t('periodRange', { start: f.date(d.periodStart), end: f.date(d.periodEnd) }) : '—'),
            },
            { header: t('total'), align: 'right', className: 'whitespace-nowrap', cell: (d) => f.money(d.grossCents) },
            { header: t('status'), cell: (d) => <DocumentStatusBadge status={d.status} /> },
            { header: t('pdf'), cell: (d) => <PdfLink doc={d} /> },
          ]}
        />

        {latest && (
          <Card title={t('correctTitle')}>
            <div className="space-y-3 text-sm text-slate-700">
              {refusal ? (
                <p>{refusal}</p>
              ) : (
                <>
                  <p>{t.rich('correctUntil', { deadline: f.date(correction.deadline), strong: (chunks) => <strong>{chunks}</strong> })}</p>
                  <p>
                    {t.rich('correctHow', {
                      number: latest.number,
                      issued: f.date(latest.issuedAt),
                      buyer: latest.buyer.company || latest.buyer.name,
                      invoice: (chunks) => <Link href={`/account/invoices/${latest.id}`}>{chunks}</Link>,
                      billing: (chunks) => <Link href="/account/billing">{chunks}</Link>,
                    })}
                  </p>
                </>
              )}
              {/* Offered even after the deadline: asking gets the same answer, with the next invoice's date, next to the button. */}
              <CorrectionForm action={requestCorrectionAction} invoiceId={latest.id} />
            </div>
          </Card>
        )}
      </div>
    </ClientMessages>
  );
}

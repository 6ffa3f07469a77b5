// INV-7/INV-8: the Prepaid credit section of the staff account page: balance, projected end date,
// the form that adds credit and the ledger (added, consumed by renewals, refunded, kept as fee).
import { getTranslations } from 'next-intl/server';
import { AddCreditForm } from '@/components/credit/add-credit-form';
import { DataTable } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import type { FormState } from '@/lib/actions';
import { now } from '@/lib/clock';
import { creditLedger, creditSummary } from '@/lib/credit/service';
import { getFormatters } from '@/lib/i18n/server';
import { DetailRow } from './detail-list';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export async function PrepaidCreditSection({ accountId, stopped, action }: { accountId: string; stopped: boolean; action: Action }) {
  const db = await getDb();
  const [summary, ledger] = await Promise.all([creditSummary(db, accountId, now()), creditLedger(db, accountId)]);
  const t = await getTranslations('credit.staff');
  const f = await getFormatters();
  return (
    <section aria-labelledby="prepaid-credit-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="prepaid-credit-heading" className="mb-2 text-base font-semibold text-slate-900">
        {t('heading')}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t('intro')}</p>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <dl className="divide-y divide-slate-100">
          <DetailRow label={t('balance')}>{f.money(summary?.balanceCents ?? 0)}</DetailRow>
          {summary && summary.balanceCents > 0 && (
            <DetailRow label={t('projectedEnd')}>{summary.endsAt ? f.date(summary.endsAt) : t('notCovering')}</DetailRow>
          )}
        </dl>
        {!stopped && <AddCreditForm accountId={accountId} action={action} />}
      </div>
      <div className="mt-4">
        <DataTable
          caption={t('ledgerCaption')}
          captionVisible
          rows={ledger}
          rowKey={(e) => e.id}
          empty={t('empty')}
          columns={[
            { header: t('columns.date'), cell: (e) => f.date(e.createdAt) },
            { header: t('columns.kind'), cell: (e) => t(`kinds.${e.kind}`) },
            { header: t('columns.amount'), cell: (e) => f.money(e.amountCents), align: 'right' },
            { header: t('columns.reference'), cell: (e) => e.reference ?? t('none') },
            { header: t('agreedOn'), cell: (e) => (e.agreedOn ? f.date(new Date(`${e.agreedOn}T12:00:00Z`)) : t('none')) },
            { header: t('columns.document'), cell: (e) => e.documentNumber ?? t('none') },
            { header: t('columns.refund'), cell: (e) => (e.refundStatus ? t(`refundStatus.${e.refundStatus}`) : t('none')) },
          ]}
        />
      </div>
    </section>
  );
}

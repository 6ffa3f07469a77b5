import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { RecordCancellationForm } from '@/components/cancellations/record-cancellation-form';
import { DataTable } from '@/components/ui/data-table';
import { InlineAction } from '@/components/ui/inline-action';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { accountAddress } from '@/lib/accounts/address';
import { requireStaff } from '@/lib/auth/guards';
import { listEmailCancellations } from '@/lib/cancellation/email-cancellations';
import { now } from '@/lib/clock';
import { cancellationPreviews } from '@/lib/credit/service';
import { getFormatters } from '@/lib/i18n/server';
import { carryOutCancellationAction, recordCancellationAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cancellations');
  return { title: t('title') };
}

// CAN-2: the queue of cancellations received by email, due first, overdue ones marked.
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffCancellations({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const { done: doneId } = await searchParams;
  const at = now();
  const { open, done } = await listEmailCancellations(await getDb());
  const [t, f, tCredit] = await Promise.all([getTranslations('cancellations'), getFormatters(), getTranslations('credit.staffCancellations')]);
  // INV-8: what carrying out would refund of unused prepaid credit, and what it keeps as the fee.
  const credit = await cancellationPreviews(await getDb(), open.map((r) => r.accountId), at);
  // ?done= names a cancellation; the notice is shown only for one the database lists as carried out.
  const justDone = typeof doneId === 'string' ? done.find((d) => d.id === doneId) : undefined;
  const accountCell = (r: (typeof open)[number]) => <Link href={`/staff/accounts/${r.accountId}`}>{accountAddress(r.slug)}</Link>;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {justDone && (
        <p role="status" className="mb-6 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900">
          {t('carriedOut', { address: accountAddress(justDone.slug) })}
        </p>
      )}
      <Card title={t('form.title')}>
        <RecordCancellationForm action={recordCancellationAction} />
      </Card>
      <div className="mt-6 space-y-6">
        <DataTable
          caption={t('open')}
          captionVisible
          rows={open}
          rowKey={(r) => r.id}
          empty={t('noOpen')}
          columns={[
            { header: t('columns.account'), className: 'wrap-anywhere font-medium', cell: accountCell },
            { header: t('columns.requester'), className: 'wrap-anywhere', cell: (r) => r.requesterEmail ?? t('owner') },
            { header: t('columns.received'), className: 'whitespace-nowrap', cell: (r) => f.dateTime(r.receivedAt) },
            {
              header: t('columns.due'),
              className: 'whitespace-nowrap',
              cell: (r) => (
                <>
                  {f.dateTime(r.dueAt)} {r.dueAt < at && <Badge tone="red">{t('overdue')}</Badge>}
                </>
              ),
            },
            {
              header: tCredit('column'),
              cell: (r) => {
                const c = credit.get(r.accountId);
                return c ? tCredit('figures', { remainder: f.money(c.remainderCents), refund: f.money(c.refundCents), fee: f.money(c.feeCents) }) : tCredit('none');
              },
            },
            {
              header: t('columns.actions'),
              cell: (r) => (
                <InlineAction
                  action={carryOutCancellationAction}
                  fields={{ cancellationId: r.id }}
                  label={t('carryOut')}
                  accessibleLabel={t('carryOutLabel', { address: accountAddress(r.slug) })}
                  tone="danger"
                />
              ),
            },
          ]}
        />
        <DataTable
          caption={t('done')}
          captionVisible
          rows={done}
          rowKey={(r) => r.id}
          empty={t('noDone')}
          columns={[
            { header: t('columns.account'), className: 'wrap-anywhere font-medium', cell: accountCell },
            { header: t('columns.received'), className: 'whitespace-nowrap', cell: (r) => f.dateTime(r.receivedAt) },
            { header: t('columns.due'), className: 'whitespace-nowrap', cell: (r) => f.dateTime(r.dueAt) },
            { header: t('columns.carriedOut'), className: 'whitespace-nowrap', cell: (r) => (r.carriedOutAt ? f.dateTime(r.carriedOutAt) : '—') },
          ]}
        />
        <p className="text-sm text-slate-600">{t('timeZone')}</p>
      </div>
    </>
  );
}

// CUS-1..CUS-5: one request in the back office: what the customer wrote (shown as their words,
// not as fact), its history, and the actions its status allows.
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StatusBadge, StatusHistory, WrittenText } from '@/components/custom-services/request-view';
import { ProposalForm, RecordApprovalForm, RefuseForm } from '@/components/custom-services/staff-forms';
import { DetailRow } from '@/components/staff/detail-list';
import { InlineAction } from '@/components/ui/inline-action';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { dayAsDate, ipClause } from '@/lib/custom-services/agreement';
import { requestDetail } from '@/lib/custom-services/queries';
import { canTransition } from '@/lib/custom-services/rules';
import { getFormatters, requestLocale } from '@/lib/i18n/server';
import { localeKit } from '@/lib/i18n/translator';
import { deliverAction, recordApprovalAction, refuseAction, sendProposalAction, startReviewAction, startWorkAction, withdrawProposalAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('customServices.staff');
  return { title: t('title') };
}

export default async function StaffCustomService({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const detail = await requestDetail(await getDb(), id);
  if (!detail) notFound();
  const { request, agreement, invoice, account } = detail;
  const t = await getTranslations('customServices.staff');
  const tSource = await getTranslations('customServices.source');
  const f = await getFormatters();
  const kit = localeKit(await requestLocale());
  const can = (to: Parameters<typeof canTransition>[1]) => canTransition(request.status, to);
  const fields = { requestId: request.id };
  return (
    <>
      <PageHeader title={t('detail.title', { reference: request.reference })} description={<Link href="/staff/custom-services">{t('detail.back')}</Link>} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <Card>
            <dl className="divide-y divide-slate-100">
              <DetailRow label={t('list.status')}>
                <StatusBadge status={request.status} />
              </DetailRow>
              <DetailRow label={t('detail.account')}>
                <Link href={`/staff/accounts/${account.id}`}>{account.companyName}</Link> ({account.slug})
              </DetailRow>
              <DetailRow label={t('detail.source')}>{tSource(request.source)}</DetailRow>
              <DetailRow label={t('detail.received')}>{f.dateTime(request.receivedAt)}</DetailRow>
              {request.wantedBy && <DetailRow label={t('detail.wantedBy')}>{f.date(dayAsDate(request.wantedBy))}</DetailRow>}
              {request.budgetCents != null && <DetailRow label={t('detail.budget')}>{f.money(request.budgetCents)}</DetailRow>}
              {invoice?.id && <DetailRow label={t('detail.invoice', { number: invoice.number })}>{f.money(invoice.grossCents)}</DetailRow>}
            </dl>
            <h2 className="mt-4 mb-2 text-sm font-semibold text-slate-900">{request.source === 'email' ? t('detail.emailText') : t('detail.need')}</h2>
            <WrittenText text={request.need} />
          </Card>
          {request.refusalReason && (
            <Card title={t('detail.refusal')}>
              <WrittenText text={request.refusalReason} />
            </Card>
          )}
          {agreement && (
            <Card title={t('detail.agreement')}>
              <p className="mb-2 text-sm text-slate-600">{t('detail.approvedBy', { name: agreement.approverName ?? '—', date: f.dateTime(agreement.approvedAt), source: agreement.approvalSource })}</p>
              <WrittenText text={agreement.agreementText} />
              {agreement.approvalEmailText && (
                <>
                  <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-900">{t('detail.approvalEmail', { date: agreement.approvalReceivedAt ? f.dateTime(agreement.approvalReceivedAt) : '—' })}</h3>
                  <WrittenText text={agreement.approvalEmailText} />
                </>
              )}
            </Card>
          )}
          {!agreement && request.status === 'proposed' && request.requirements && (
            <Card title={t('detail.proposal')}>
              <dl className="divide-y divide-slate-100">
                <DetailRow label={t('actions.price')}>{request.priceCents != null ? f.money(request.priceCents) : '—'}</DetailRow>
                <DetailRow label={t('actions.expectedDelivery')}>{request.expectedDelivery ? f.date(dayAsDate(request.expectedDelivery)) : '—'}</DetailRow>
              </dl>
              <h3 className="mt-3 mb-1 text-sm font-semibold">{t('actions.requirements')}</h3>
              <WrittenText text={request.requirements} />
              <h3 className="mt-3 mb-1 text-sm font-semibold">{t('actions.specification')}</h3>
              <WrittenText text={request.specification ?? ''} />
            </Card>
          )}
          <StatusHistory detail={detail} title={t('detail.history')} />
        </div>
        <div className="space-y-6">
          {(can('in_review') && request.status === 'requested') || can('in_progress') || can('delivered') || (request.status === 'proposed' && can('in_review')) ? (
            <Card>
              <div className="flex flex-wrap gap-3">
                {request.status === 'requested' && <InlineAction action={startReviewAction} fields={fields} label={t('actions.startReview')} />}
                {request.status === 'proposed' && <InlineAction action={withdrawProposalAction} fields={fields} label={t('actions.withdraw')} />}
                {can('in_progress') && <InlineAction action={startWorkAction} fields={fields} label={t('actions.startWork')} />}
                {can('delivered') && <InlineAction action={deliverAction} fields={fields} label={t('actions.markDelivered')} />}
              </div>
            </Card>
          ) : null}
          {can('proposed') && (
            <Card title={t('actions.proposalHeading')}>
              <ProposalForm
                requestId={request.id}
                ipClause={ipClause(kit)}
                action={sendProposalAction}
                values={
                  request.requirements
                    ? { requirements: request.requirements, specification: request.specification ?? '', price: request.priceCents != null ? (request.priceCents / 100).toFixed(2) : '', expectedDelivery: request.expectedDelivery ?? '' }
                    : undefined
                }
              />
            </Card>
          )}
          {can('refused') && (
            <Card title={t('actions.refuseHeading')}>
              <RefuseForm requestId={request.id} action={refuseAction} />
            </Card>
          )}
          {request.status === 'proposed' && (
            <Card title={t('actions.recordHeading')}>
              <RecordApprovalForm requestId={request.id} action={recordApprovalAction} timeZoneHint={t('timeZoneHint')} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

// CUS-3, CUS-4: one request in the portal: what was asked, the proposal with its full agreement
// text and (for the owner) the approval form, then the frozen agreement and its invoice.
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ApproveAgreementForm } from '@/components/custom-services/approve-form';
import { StatusBadge, StatusHistory, WrittenText } from '@/components/custom-services/request-view';
import { DetailRow } from '@/components/staff/detail-list';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireUserManager } from '@/lib/auth/guards';
import { agreementText, dayAsDate, textDigest } from '@/lib/custom-services/agreement';
import { requestDetail } from '@/lib/custom-services/queries';
import { getFormatters, requestLocale } from '@/lib/i18n/server';
import { localeKit } from '@/lib/i18n/translator';
import { approveAgreementAction } from '../actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('customServices.portal');
  return { title: t('title') };
}

export default async function CustomServicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUserManager();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const detail = await requestDetail(await getDb(), id, ctx.account.id);
  if (!detail) notFound();
  const { request, agreement, invoice } = detail;
  const t = await getTranslations('customServices.portal.detail');
  const f = await getFormatters();
  const proposalText =
    request.status === 'proposed' && request.requirements && request.specification && request.priceCents != null && request.expectedDelivery
      ? agreementText(localeKit(await requestLocale()), {
          reference: request.reference,
          companyName: detail.account.companyName,
          requirements: request.requirements,
          specification: request.specification,
          priceCents: request.priceCents,
          expectedDelivery: request.expectedDelivery,
        })
      : null;
  return (
    <ClientMessages name="accountCustomServices">
      <PageHeader title={t('title', { reference: request.reference })} description={<Link href="/account/custom-services">{t('back')}</Link>} />
      <div className="space-y-6">
        <Card>
          <dl className="divide-y divide-slate-100">
            <DetailRow label={t('status')}>
              <StatusBadge status={request.status} />
            </DetailRow>
            {request.wantedBy && <DetailRow label={t('wantedBy')}>{f.date(dayAsDate(request.wantedBy))}</DetailRow>}
            {request.budgetCents != null && <DetailRow label={t('budget')}>{f.money(request.budgetCents)}</DetailRow>}
          </dl>
          <h2 className="mt-4 mb-2 text-sm font-semibold text-slate-900">{request.source === 'email' ? t('receivedByEmail', { date: f.dateTime(request.receivedAt) }) : t('need')}</h2>
          <WrittenText text={request.need} />
        </Card>
        {request.status === 'refused' && request.refusalReason && (
          <Card title={t('refusal')}>
            <WrittenText text={request.refusalReason} />
          </Card>
        )}
        {proposalText && (
          <Card title={t('proposal')}>
            <WrittenText text={proposalText} />
            <div className="mt-4">
              {ctx.user.role === 'owner' ? (
                <>
                  <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('approveHeading')}</h3>
                  <ApproveAgreementForm requestId={request.id} shownDigest={textDigest(proposalText)} action={approveAgreementAction} />
                </>
              ) : (
                <p className="text-sm text-slate-600">{t('ownerApproves')}</p>
              )}
            </div>
          </Card>
        )}
        {(request.status === 'requested' || request.status === 'in_review') && <p className="text-sm text-slate-600">{t('noProposal')}</p>}
        {agreement && (
          <Card title={t('agreement')}>
            <p className="mb-2 text-sm text-slate-600">{t('approvedBy', { name: agreement.approverName ?? '—', date: f.dateTime(agreement.approvedAt), source: agreement.approvalSource })}</p>
            <WrittenText text={agreement.agreementText} />
          </Card>
        )}
        {invoice?.id && (
          <Card title={t('invoice')}>
            {ctx.user.role === 'owner' ? <Link href={`/account/invoices/${invoice.id}`}>{invoice.number}</Link> : invoice.number} · {f.money(invoice.grossCents)}
          </Card>
        )}
        <StatusHistory detail={detail} title={t('history')} />
      </div>
    </ClientMessages>
  );
}

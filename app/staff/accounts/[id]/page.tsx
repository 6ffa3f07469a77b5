import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { accountAddress } from '@/lib/staff/address';
import { notFound } from 'next/navigation';
import { AuditTable } from '@/components/audit-table';
import { AccountStatusBadge } from '@/components/staff/badges';
import { EndSessionsForm } from '@/components/staff/end-sessions-form';
import { BillingSection } from '@/components/staff/billing-section';
import { LimitsSection } from '@/components/staff/limits-section';
import { PrepaidCreditSection } from '@/components/staff/prepaid-credit-section';
import { addCreditAction } from './credit-actions';
import { AccountStandingSection } from '@/components/staff/account-standing-section';
import { LogEmailedRequestForm } from '@/components/custom-services/staff-forms';
import { DetailRow } from '@/components/staff/detail-list';
import { OutboxTable } from '@/components/staff/outbox-table';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { getFormatters } from '@/lib/i18n/server';
import { getAccountBilling } from '@/lib/staff/billing-queries';
import { DETAIL_LIMIT, getAccountDetail } from '@/lib/staff/queries';
import { logEmailedRequestAction } from '../../custom-services/actions';
import { endUserSessionsAction, extendTrialAction, retryChargeAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.account');
  return { title: t('metaTitle') };
}

export default async function StaffAccountDetail({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  const db = await getDb();
  const d = await getAccountDetail(db, id);
  if (!d) notFound();
  const billing = await getAccountBilling(db, d.account.id);
  const a = d.account;
  const t = await getTranslations('staff.account');
  const tRole = await getTranslations('staff.roles');
  const f = await getFormatters();
  const tCus = await getTranslations('customServices.staff');
  return (
    <>
      <nav aria-label={(await getTranslations('staff'))('breadcrumb')} className="mb-2 text-sm">
        <Link href="/staff/accounts">{t('back')}</Link>
      </nav>
      <PageHeader title={accountAddress(a.slug)} description={a.companyName} />
      <div className="space-y-6">
        <Card title={t('summary.title')}>
          <dl className="divide-y divide-slate-100">
            <DetailRow label={t('summary.company')}>{a.companyName}</DetailRow>
            <DetailRow label={t('summary.status')}>
              <AccountStatusBadge status={a.status} />
            </DetailRow>
            <DetailRow label={t('summary.created')}>{f.dateTime(a.createdAt)}</DetailRow>
            <DetailRow label={t('summary.verified')}>{a.verifiedAt ? f.dateTime(a.verifiedAt) : t('summary.notVerified')}</DetailRow>
            {a.stoppedAt && <DetailRow label={t('summary.stopped')}>{f.dateTime(a.stoppedAt)}</DetailRow>}
            {a.stoppedAt && <DetailRow label={t('summary.stopReason')}>{a.stopReason || t('summary.noReason')}</DetailRow>}
          </dl>
        </Card>

        <AccountStandingSection accountId={a.id} />

        <BillingSection accountId={a.id} billing={billing} extendTrialAction={extendTrialAction} retryChargeAction={retryChargeAction} />

        <LimitsSection accountId={a.id} accountName={accountAddress(a.slug)} stopped={a.status === 'stopped'} />
        {/* INV-7/INV-8: prepaid credit (balance, projected end, add credit, ledger). */}
        <PrepaidCreditSection accountId={a.id} stopped={a.status === 'stopped'} action={addCreditAction} />

        {/* CUS-1: a custom-service request that came by email is logged here, on its account. */}
        <Card title={tCus('logCard.heading')}>
          <LogEmailedRequestForm accountId={a.id} action={logEmailedRequestAction} timeZoneHint={tCus('timeZoneHint')} />
          <p className="mt-3 text-sm">
            <Link href={`/staff/custom-services?q=${encodeURIComponent(a.slug)}`}>{tCus('title')}</Link>
          </p>
        </Card>

        <section aria-labelledby="users-heading">
          <h2 id="users-heading" className="mb-3 text-base font-semibold text-slate-900">
            {t('users.heading')}
          </h2>
          <DataTable
            caption={t('users.caption')}
            rows={d.users}
            rowKey={(u) => u.id}
            empty={t('users.empty')}
            columns={[
              { header: t('users.columns.name'), cell: (u) => (u.erased ? <span className="text-slate-500 italic">{t('users.deletedUser')}</span> : u.displayName) },
              { header: t('users.columns.email'), className: 'whitespace-nowrap', cell: (u) => u.displayEmail },
              { header: t('users.columns.role'), cell: (u) => tRole(u.role) },
              { header: t('users.columns.verified'), className: 'whitespace-nowrap text-slate-600', cell: (u) => (u.emailVerifiedAt ? f.date(u.emailVerifiedAt) : t('users.notVerified')) },
              { header: t('users.columns.lastActive'), className: 'whitespace-nowrap text-slate-600', cell: (u) => f.dateTime(u.lastActiveAt) },
              {
                header: t('users.columns.sessions'),
                cell: (u) => <EndSessionsForm accountId={a.id} userId={u.id} userName={u.erased ? t('users.deletedUser') : u.displayName} action={endUserSessionsAction} />,
              },
            ]}
          />
        </section>

        <section aria-labelledby="audit-heading">
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 id="audit-heading" className="text-base font-semibold text-slate-900">
              {t('audit.heading')}
            </h2>
            {d.audit.length >= DETAIL_LIMIT && (
              <Link href={`/staff/audit?account=${encodeURIComponent(a.slug)}`} className="text-sm">
                {t('audit.allEntries')}
              </Link>
            )}
          </div>
          <AuditTable view="staff" rows={d.audit} showAccount={false} caption={t('audit.caption')} empty={t('audit.empty')} />
        </section>

        <section aria-labelledby="emails-heading">
          <h2 id="emails-heading" className="mb-3 text-base font-semibold text-slate-900">
            {t('emails.heading')}
          </h2>
          <OutboxTable rows={d.emails} compact caption={t('emails.caption')} />
        </section>
      </div>
    </>
  );
}

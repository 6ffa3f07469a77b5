import Link from 'next/link';
import { accountAddress } from '@/lib/staff/address';
import { notFound } from 'next/navigation';
import { AuditTable } from '@/components/audit-table';
import { AccountStatusBadge } from '@/components/staff/badges';
import { EndSessionsForm } from '@/components/staff/end-sessions-form';
import { BillingSection } from '@/components/staff/billing-section';
import { DetailRow } from '@/components/staff/detail-list';
import { OutboxTable } from '@/components/staff/outbox-table';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { formatDate, formatDateTime } from '@/lib/format';
import { getAccountBilling } from '@/lib/staff/billing-queries';
import { DETAIL_LIMIT, getAccountDetail } from '@/lib/staff/queries';
import { endUserSessionsAction, extendTrialAction, retryChargeAction } from './actions';

export const dynamic = 'force-dynamic';

const ROLE_LABEL = { owner: 'Owner', admin: 'Admin', agent: 'Agent', staff: 'Staff' } as const;

export default async function StaffAccountDetail({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  const db = await getDb();
  const d = await getAccountDetail(db, id);
  if (!d) notFound();
  const billing = await getAccountBilling(db, d.account.id);
  const a = d.account;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/staff/accounts">← Accounts</Link>
      </nav>
      <PageHeader title={accountAddress(a.slug)} description={a.companyName} />
      <div className="space-y-6">
        <Card title="Summary">
          <dl className="divide-y divide-slate-100">
            <DetailRow label="Company">{a.companyName}</DetailRow>
            <DetailRow label="Status">
              <AccountStatusBadge status={a.status} />
            </DetailRow>
            <DetailRow label="Created">{formatDateTime(a.createdAt)}</DetailRow>
            <DetailRow label="Verified">{a.verifiedAt ? formatDateTime(a.verifiedAt) : 'Not verified'}</DetailRow>
            {a.stoppedAt && <DetailRow label="Stopped">{formatDateTime(a.stoppedAt)}</DetailRow>}
            {a.stoppedAt && <DetailRow label="Stop reason">{a.stopReason || 'No reason given'}</DetailRow>}
          </dl>
        </Card>

        <BillingSection accountId={a.id} billing={billing} extendTrialAction={extendTrialAction} retryChargeAction={retryChargeAction} />

        <section aria-labelledby="users-heading">
          <h2 id="users-heading" className="mb-3 text-base font-semibold text-slate-900">
            Users
          </h2>
          <DataTable
            caption="Users"
            rows={d.users}
            rowKey={(u) => u.id}
            empty="This account has no users."
            columns={[
              { header: 'Name', cell: (u) => (u.erased ? <span className="text-slate-500 italic">{u.displayName}</span> : u.displayName) },
              { header: 'Email', className: 'whitespace-nowrap', cell: (u) => u.displayEmail },
              { header: 'Role', cell: (u) => ROLE_LABEL[u.role] },
              { header: 'Verified', className: 'whitespace-nowrap text-slate-600', cell: (u) => (u.emailVerifiedAt ? formatDate(u.emailVerifiedAt) : 'No') },
              { header: 'Last active', className: 'whitespace-nowrap text-slate-600', cell: (u) => formatDateTime(u.lastActiveAt) },
              {
                header: 'Sessions',
                cell: (u) => <EndSessionsForm accountId={a.id} userId={u.id} userName={u.displayName} action={endUserSessionsAction} />,
              },
            ]}
          />
        </section>

        <section aria-labelledby="audit-heading">
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 id="audit-heading" className="text-base font-semibold text-slate-900">
              Audit log
            </h2>
            {d.audit.length >= DETAIL_LIMIT && (
              <Link href={`/staff/audit?account=${encodeURIComponent(a.slug)}`} className="text-sm">
                All entries
              </Link>
            )}
          </div>
          <AuditTable view="staff" rows={d.audit} showAccount={false} caption="Account audit log" empty="No audit entries match." />
        </section>

        <section aria-labelledby="emails-heading">
          <h2 id="emails-heading" className="mb-3 text-base font-semibold text-slate-900">
            Emails
          </h2>
          <OutboxTable rows={d.emails} compact caption="Account emails" />
        </section>
      </div>
    </>
  );
}

import Link from 'next/link';
import { AuditTable } from '@/components/audit-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { ACCOUNT_STATUS_LABEL, ACCOUNT_STATUSES, getDashboard, OUTBOX_STATUS_LABEL } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-200 bg-white p-4 no-underline shadow-sm hover:border-brand-600 hover:no-underline"
    >
      <span className="block text-sm text-slate-600">{label}</span>
      <span className="mt-1 block text-2xl font-semibold tabular-nums text-slate-900">{value}</span>
    </Link>
  );
}

const SECTIONS = [
  { href: '/staff/accounts', label: 'Accounts', text: 'Search accounts, open one to see its users, audit log and emails.' },
  { href: '/staff/outbox', label: 'Outbox', text: 'Every email the system queued, with delivery status.' },
  { href: '/staff/audit', label: 'Audit log', text: 'Everything that changed money or data, by whom and from where.' },
  { href: '/staff/gdpr', label: 'Privacy requests', text: 'Access, correction and erasure requests.' },
  { href: '/staff/custom-services', label: 'Custom services', text: 'Custom-service agreements.' },
  { href: '/staff/deals', label: 'Deals', text: 'Lifetime-deal codes.' },
  { href: '/staff/cancellations', label: 'Cancellations', text: 'Stopped accounts and cancellations.' },
  { href: '/staff/prices', label: 'Prices', text: 'Price changes and their announcement.' },
  { href: '/staff/terms', label: 'Terms', text: 'Terms of service versions.' },
  { href: '/staff/maintenance', label: 'Maintenance', text: 'Planned downtime announcements.' },
];

export default async function StaffDashboard() {
  await requireStaff();
  const d = await getDashboard(await getDb(), now());
  return (
    <>
      <PageHeader title="Staff dashboard" description="What needs attention across all accounts." />
      <div className="space-y-6">
        <section aria-labelledby="accounts-heading">
          <h2 id="accounts-heading" className="mb-3 text-base font-semibold text-slate-900">
            Accounts
          </h2>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
            {ACCOUNT_STATUSES.map((s) => (
              <Stat key={s} label={ACCOUNT_STATUS_LABEL[s]} value={d.accountCounts[s]} href={`/staff/accounts?status=${s}`} />
            ))}
            <Stat label="Signups in the last 7 days" value={d.recentSignups} href="/staff/accounts" />
          </div>
        </section>
        <section aria-labelledby="outbox-heading">
          <h2 id="outbox-heading" className="mb-3 text-base font-semibold text-slate-900">
            Outbox
          </h2>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            {(['queued', 'held', 'failed'] as const).map((s) => (
              <Stat key={s} label={`Emails ${OUTBOX_STATUS_LABEL[s].toLowerCase()}`} value={d.outboxCounts[s]} href={`/staff/outbox?status=${s}`} />
            ))}
          </div>
        </section>
        <section aria-labelledby="audit-heading">
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 id="audit-heading" className="text-base font-semibold text-slate-900">
              Latest audit entries
            </h2>
            <Link href="/staff/audit" className="text-sm">
              Full audit log
            </Link>
          </div>
          <AuditTable view="staff" rows={d.latestAudit} caption="Latest audit entries" empty="No audit entries match." />
        </section>
        <Card title="Sections">
          <ul className="grid gap-3 sm:grid-cols-2">
            {SECTIONS.map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="font-medium">
                  {s.label}
                </Link>
                <p className="text-sm text-slate-600">{s.text}</p>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { AuditTable } from '@/components/audit-table';
import { RevenueSection } from '@/components/staff/revenue-section';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { queueSummary } from '@/lib/privacy/queries';
import { ACCOUNT_STATUSES, getDashboard } from '@/lib/staff/queries';
import { getRevenueOverview } from '@/lib/staff/revenue';

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
  { href: '/staff/accounts', key: 'accounts' },
  { href: '/staff/outbox', key: 'outbox' },
  { href: '/staff/audit', key: 'audit' },
  { href: '/staff/gdpr', key: 'gdpr' },
  { href: '/staff/custom-services', key: 'customServices' },
  { href: '/staff/deals', key: 'deals' },
  { href: '/staff/cancellations', key: 'cancellations' },
  { href: '/staff/prices', key: 'prices' },
  { href: '/staff/enterprise', key: 'enterprise' },
  { href: '/staff/terms', key: 'terms' },
  { href: '/staff/maintenance', key: 'maintenance' },
  { href: '/staff/announcements', key: 'announcements' },
] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.dashboard');
  return { title: t('title') };
}

export default async function StaffDashboard() {
  await requireStaff();
  const db = await getDb();
  const at = now();
  const [d, privacy, revenue] = await Promise.all([getDashboard(db, at), queueSummary(db, at), getRevenueOverview(db, at)]);
  const t = await getTranslations('staff.dashboard');
  const tGdpr = await getTranslations('gdpr.staff.dashboard');
  const f = await getFormatters();
  const tStatus = await getTranslations('staff.status.account');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6">
        <section aria-labelledby="accounts-heading">
          <h2 id="accounts-heading" className="mb-3 text-base font-semibold text-slate-900">
            {t('accountsHeading')}
          </h2>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
            {ACCOUNT_STATUSES.map((s) => (
              <Stat key={s} label={tStatus(s)} value={d.accountCounts[s]} href={`/staff/accounts?status=${s}`} />
            ))}
            <Stat label={t('recentSignups')} value={d.recentSignups} href="/staff/accounts" />
          </div>
        </section>
        <RevenueSection overview={revenue} />
        <section aria-labelledby="outbox-heading">
          <h2 id="outbox-heading" className="mb-3 text-base font-semibold text-slate-900">
            {t('outboxHeading')}
          </h2>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            {(['queued', 'held', 'failed'] as const).map((s) => (
              <Stat key={s} label={t(`emails.${s}`)} value={d.outboxCounts[s]} href={`/staff/outbox?status=${s}`} />
            ))}
          </div>
        </section>
        <section aria-labelledby="privacy-heading">
          <h2 id="privacy-heading" className="mb-3 text-base font-semibold text-slate-900">
            {tGdpr('heading')}
          </h2>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Stat label={tGdpr('open')} value={privacy.open} href="/staff/gdpr" />
            <Stat label={tGdpr('overdue')} value={privacy.overdue} href="/staff/gdpr?overdue=yes" />
          </div>
          <p className="mt-3 text-sm text-slate-700">
            {privacy.oldest ? (
              <Link href={`/staff/gdpr/${privacy.oldest.id}`}>
                {tGdpr('oldest', { reference: privacy.oldest.reference, due: privacy.oldest.dueAt ? f.date(privacy.oldest.dueAt) : '' })}
              </Link>
            ) : (
              tGdpr('none')
            )}
          </p>
        </section>
        <section aria-labelledby="audit-heading">
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 id="audit-heading" className="text-base font-semibold text-slate-900">
              {t('auditHeading')}
            </h2>
            <Link href="/staff/audit" className="text-sm">
              {t('fullAuditLog')}
            </Link>
          </div>
          <AuditTable view="staff" rows={d.latestAudit} caption={t('auditCaption')} empty={t('auditEmpty')} />
        </section>
        <Card title={t('sectionsTitle')}>
          <ul className="grid gap-3 sm:grid-cols-2">
            {SECTIONS.map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="font-medium">
                  {t(`sections.${s.key}.label`)}
                </Link>
                <p className="text-sm text-slate-600">{t(`sections.${s.key}.text`)}</p>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ThresholdsForm } from '@/components/staff/limits-forms';
import { DataTable } from '@/components/ui/data-table';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { accountAddress } from '@/lib/staff/address';
import { getThresholds, listAboveFairUse, listEnterpriseCandidates } from '@/lib/usage/enterprise';
import type { LimitName } from '@/lib/usage/rules';
import { setThresholdsAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('usage.staff');
  return { title: t('title') };
}

const LIMIT_LABEL: Record<LimitName, 'users' | 'ticketsPerMonth' | 'storage'> = { maxUsers: 'users', maxTicketsPerMonth: 'ticketsPerMonth', maxStorageGb: 'storage' };

/** PLAN-6 and PLAN-7: accounts with exceptional usage, and accounts above their fair-use limits. */
export default async function EnterpriseCandidates() {
  await requireStaff();
  const db = await getDb();
  const at = now();
  const thresholds = await getThresholds(db);
  const [candidates, aboveFairUse, t, tLimits, f] = await Promise.all([
    listEnterpriseCandidates(db, thresholds),
    listAboveFairUse(db, at),
    getTranslations('usage.staff'),
    getTranslations('usage.limits'),
    getFormatters(),
  ]);
  const account = (row: { accountId: string; slug: string; companyName: string }) => (
    <>
      <Link href={`/staff/accounts/${row.accountId}`} className="font-medium">
        {accountAddress(row.slug)}
      </Link>
      <span className="block text-xs text-slate-500">{row.companyName}</span>
    </>
  );
  const limitText = (limit: number | null, value: 'usersValue' | 'ticketsValue' | 'storageValue') => (limit === null ? tLimits('unlimited') : tLimits(value, { count: limit }));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6">
        <Card title={t('thresholds.title')}>
          <p className="mb-3 text-sm text-slate-600">{thresholds.updatedAt ? t('thresholds.lastChanged', { date: f.date(thresholds.updatedAt) }) : t('thresholds.defaults')}</p>
          <ThresholdsForm values={thresholds} action={setThresholdsAction} />
        </Card>
        <DataTable
          caption={t('caption')}
          captionVisible
          rows={candidates}
          rowKey={(r) => r.accountId}
          empty={t('empty')}
          columns={[
            { header: t('columns.account'), cell: account },
            { header: t('columns.plan'), cell: (r) => r.planName ?? t('noPlan') },
            { header: t('columns.endUsers'), align: 'right', cell: (r) => r.report.endUsers },
            { header: t('columns.tickets'), align: 'right', cell: (r) => r.report.ticketsThisMonth },
            { header: t('columns.agents'), align: 'right', cell: (r) => r.report.agents ?? t('agentsFromUsers', { count: r.activeUsers }) },
            { header: t('columns.ticketsPerAgent'), align: 'right', cell: (r) => Math.round(r.ticketsPerAgent) },
            { header: t('columns.reported'), className: 'whitespace-nowrap', cell: (r) => f.dateTime(r.report.reportedAt) },
            {
              header: t('columns.reasons'),
              cell: (r) => (
                <span className="flex flex-wrap gap-1">
                  {r.reasons.map((reason) => (
                    <Badge key={reason} tone="amber">
                      {t(`reasons.${reason}`)}
                    </Badge>
                  ))}
                </span>
              ),
            },
            {
              header: t('columns.actions'),
              cell: (r) => (
                <Link href={`/staff/accounts/${r.accountId}#enterprise`} aria-label={t('markLinkLabel', { account: accountAddress(r.slug) })}>
                  {t('markLink')}
                </Link>
              ),
            },
          ]}
        />
        <section aria-labelledby="fair-use-heading" className="space-y-3">
          <h2 id="fair-use-heading" className="text-base font-semibold text-slate-900">
            {t('fairUseHeading')}
          </h2>
          <DataTable
            caption={t('fairUseCaption')}
            rows={aboveFairUse}
            rowKey={(r) => r.accountId}
            empty={t('fairUseEmpty')}
            columns={[
              { header: t('columns.account'), cell: account },
              { header: t('columns.plan'), cell: (r) => r.planName ?? t('noPlan') },
              { header: t('columns.users'), cell: (r) => `${r.usage.users ?? '—'} / ${limitText(r.limits.maxUsers, 'usersValue')}` },
              { header: t('columns.tickets'), cell: (r) => `${r.usage.ticketsThisMonth ?? '—'} / ${limitText(r.limits.maxTicketsPerMonth, 'ticketsValue')}` },
              {
                header: t('columns.storage'),
                cell: (r) => `${r.usage.storageMb === null ? '—' : tLimits('storageUsed', { count: Math.round(r.usage.storageMb / 102.4) / 10 })} / ${limitText(r.limits.maxStorageGb, 'storageValue')}`,
              },
              {
                header: t('columns.exceeded'),
                cell: (r) => (
                  <span className="flex flex-wrap gap-1">
                    {r.exceeded.map((name) => (
                      <Badge key={name} tone="red">
                        {tLimits(LIMIT_LABEL[name])}
                      </Badge>
                    ))}
                  </span>
                ),
              },
            ]}
          />
        </section>
      </div>
    </>
  );
}

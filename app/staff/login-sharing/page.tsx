import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { FilterForm } from '@/components/staff/filters';
import { DataTable } from '@/components/ui/data-table';
import { InlineAction } from '@/components/ui/inline-action';
import { Badge, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { accountAddress } from '@/lib/accounts/address';
import { requireStaff } from '@/lib/auth/guards';
import { getFormatters } from '@/lib/i18n/server';
import { sharingThresholds } from '@/lib/login-sharing/rules';
import { SHARING_STATUSES } from '@/lib/login-sharing/schemas';
import { listSharingFlags, type SharingFlagRow, type SharingStatus } from '@/lib/login-sharing/service';
import { addSurchargeAction, dismissFlagAction, endSurchargeAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('loginSharing.staff');
  return { title: t('title') };
}

const TONE = { open: 'amber', surcharged: 'red', dismissed: 'slate' } as const;
/** Hours of evidence shown per flag; the rest is counted. */
const EVIDENCE_SHOWN = 6;

type Search = Promise<Record<string, string | string[] | undefined>>;

/** ACC-8: flagged logins with their evidence; staff add the surcharge or dismiss the flag. */
export default async function StaffLoginSharing({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const { status: raw } = await searchParams;
  const status = SHARING_STATUSES.find((s) => s === raw) as SharingStatus | undefined;
  const [flags, t, ts, f] = await Promise.all([
    getDb().then((db) => listSharingFlags(db, status)),
    getTranslations('loginSharing.staff'),
    getTranslations('loginSharing.status'),
    getFormatters(),
  ]);
  const thresholds = sharingThresholds();
  const evidence = (r: SharingFlagRow) => (
    <div className="min-w-72 space-y-1">
      <p className="font-medium">{t('evidenceSummary', { days: r.days, from: f.date(r.firstSeenAt), to: f.date(r.lastSeenAt) })}</p>
      {r.evidence.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-slate-600">
          {r.evidence.slice(0, EVIDENCE_SHOWN).map((e) => (
            <li key={e.hour}>{t('evidenceHour', { hour: f.dateTime(e.hour), devices: e.devices.join(', '), networks: e.networks.join(', ') })}</li>
          ))}
          {r.evidence.length > EVIDENCE_SHOWN && <li>{t('evidenceMore', { count: r.evidence.length - EVIDENCE_SHOWN })}</li>}
        </ul>
      ) : (
        <p className="text-slate-600">{t('evidenceErased')}</p>
      )}
    </div>
  );
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <p className="mb-4 text-sm text-slate-600">{t('thresholds', { minDays: thresholds.minDays, windowDays: thresholds.windowDays })}</p>
      <FilterForm
        action="/staff/login-sharing"
        select={{ name: 'status', label: t('filter'), value: status, options: SHARING_STATUSES.map((s) => ({ value: s, label: ts(s) })) }}
      />
      <DataTable
        caption={t('caption')}
        rows={flags}
        rowKey={(r) => r.id}
        empty={t('empty')}
        columns={[
          {
            header: t('columns.login'),
            className: 'wrap-anywhere',
            cell: (r) => (
              <>
                <span className="font-medium">{r.userName}</span>
                {r.userEmail && <span className="block text-slate-600">{r.userEmail}</span>}
              </>
            ),
          },
          { header: t('columns.account'), className: 'wrap-anywhere', cell: (r) => <Link href={`/staff/accounts/${r.accountId}`}>{accountAddress(r.accountSlug)}</Link> },
          { header: t('columns.evidence'), cell: evidence },
          {
            header: t('columns.status'),
            className: 'whitespace-nowrap',
            cell: (r) => (
              <>
                <Badge tone={TONE[r.status]}>{ts(r.status)}</Badge>
                <span className="mt-1 block text-xs text-slate-600">{t('flaggedOn', { date: f.date(r.flaggedAt) })}</span>
                {r.surchargeStartedAt && <span className="block text-xs text-slate-600">{t('surchargeSince', { date: f.date(r.surchargeStartedAt) })}</span>}
              </>
            ),
          },
          {
            header: t('columns.actions'),
            cell: (r) =>
              r.status === 'open' ? (
                <div className="flex flex-col gap-2">
                  <InlineAction action={addSurchargeAction} fields={{ flagId: r.id }} label={t('addSurcharge')} accessibleLabel={t('addSurchargeLabel', { name: r.userName })} />
                  <InlineAction action={dismissFlagAction} fields={{ flagId: r.id }} label={t('dismiss')} accessibleLabel={t('dismissLabel', { name: r.userName })} />
                </div>
              ) : r.surchargeId ? (
                <InlineAction action={endSurchargeAction} fields={{ surchargeId: r.surchargeId }} label={t('endSurcharge')} accessibleLabel={t('endSurchargeLabel', { name: r.userName })} tone="danger" />
              ) : null,
          },
        ]}
      />
    </>
  );
}

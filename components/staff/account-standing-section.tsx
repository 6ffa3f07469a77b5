// CAN-3 and ACC-10 on /staff/accounts/[id]: open the customer's portal with a reason ("Access
// account"), record contact attempts (each sends the warning), suspend, reactivate, terminate.
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ContactAttemptForm, ReactivateForm, StartAccessForm, SuspendForm, TerminateForm } from '@/components/standing/staff-forms';
import { DetailRow } from '@/components/staff/detail-list';
import { DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { accountStanding } from '@/lib/standing/queries';
import { STAFF_ACCESS_MINUTES } from '@/lib/standing/rules';
import {
  reactivateAccountAction,
  recordContactAttemptAction,
  startStaffAccessAction,
  suspendAccountAction,
  terminateAccountAction,
} from '@/app/staff/accounts/[id]/standing-actions';

export async function AccountStandingSection({ accountId }: { accountId: string }) {
  const ctx = await requireStaff();
  const standing = await accountStanding(await getDb(), accountId, ctx.sessionId, now());
  if (!standing) return null;
  const { account, attempts, activeGrant } = standing;
  const t = await getTranslations('standing');
  const f = await getFormatters();
  const stopped = account.status === 'stopped';
  const canWarn = account.status === 'active' || account.status === 'suspended';
  return (
    <>
      {!stopped && (
        <Panel id="staff-access-heading" title={t('access.heading')}>
          <p className="mb-3 text-sm text-slate-600">{t('access.description', { minutes: STAFF_ACCESS_MINUTES })}</p>
          {activeGrant && (
            <p className="mb-3 text-sm">
              {t('access.active', { time: f.time(activeGrant.expiresAt) })} <Link href="/account">{t('access.open')}</Link>
            </p>
          )}
          <StartAccessForm accountId={account.id} action={startStaffAccessAction} />
        </Panel>
      )}

      <Panel id="standing-heading" title={t('staff.heading')}>
        <p className="mb-3 text-sm text-slate-600">{t('staff.description')}</p>
        <dl className="mb-4 divide-y divide-slate-100">
          <DetailRow label={t('staff.heading')}>
            {account.staffSuspendedAt ? t('staff.status.suspended', { date: f.dateTime(account.staffSuspendedAt) }) : t('staff.status.ok')}
          </DetailRow>
          {account.staffSuspendedAt && account.staffSuspensionGround && (
            <DetailRow label={t('staff.status.ground')}>{t(`grounds.${account.staffSuspensionGround}` as 'grounds.fraud')}</DetailRow>
          )}
          {account.staffSuspendedAt && account.staffSuspensionReason && <DetailRow label={t('staff.status.explanation')}>{account.staffSuspensionReason}</DetailRow>}
        </dl>

        <DataTable
          caption={t('staff.attempts.caption')}
          rows={attempts}
          rowKey={(a) => a.id}
          empty={t('staff.attempts.empty')}
          columns={[
            { header: t('staff.attempts.recorded'), className: 'whitespace-nowrap', cell: (a) => `${f.dateTime(a.recordedAt)}${a.staffName ? ` · ${a.staffName}` : ''}` },
            { header: t('staff.attempts.channel'), cell: (a) => t(`channels.${a.channel}`) },
            { header: t('staff.attempts.ground'), cell: (a) => t(`grounds.${a.ground}` as 'grounds.fraud') },
            { header: t('staff.attempts.notes'), cell: (a) => a.notes ?? '—' },
            { header: t('staff.attempts.warning'), className: 'whitespace-nowrap', cell: (a) => (a.warningSentAt ? `${t('staff.attempts.sent')} ${f.dateTime(a.warningSentAt)}` : t('staff.attempts.notSent')) },
          ]}
        />

        {!stopped && (
          <div className="mt-6 grid gap-6 lg:grid-cols-2">
            {canWarn && (
              <section aria-labelledby="standing-contact" className="space-y-3">
                <h3 id="standing-contact" className="text-sm font-semibold text-slate-900">
                  {t('staff.contact.title')}
                </h3>
                <ContactAttemptForm accountId={account.id} action={recordContactAttemptAction} />
              </section>
            )}
            {account.staffSuspendedAt ? (
              <section aria-labelledby="standing-reactivate" className="space-y-3">
                <h3 id="standing-reactivate" className="text-sm font-semibold text-slate-900">
                  {t('staff.reactivate.title')}
                </h3>
                <ReactivateForm accountId={account.id} action={reactivateAccountAction} />
              </section>
            ) : (
              canWarn && (
                <section aria-labelledby="standing-suspend" className="space-y-3">
                  <h3 id="standing-suspend" className="text-sm font-semibold text-slate-900">
                    {t('staff.suspend.title')}
                  </h3>
                  <SuspendForm accountId={account.id} action={suspendAccountAction} />
                </section>
              )
            )}
            <section aria-labelledby="standing-terminate" className="space-y-3 lg:col-span-2">
              <h3 id="standing-terminate" className="text-sm font-semibold text-red-900">
                {t('staff.terminate.title')}
              </h3>
              <TerminateForm accountId={account.id} action={terminateAccountAction} />
            </section>
          </div>
        )}
      </Panel>
    </>
  );
}

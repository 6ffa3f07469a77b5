// PLAN-6 and PLAN-7 on the staff account page: enterprise status (or marking it), the latest usage
// report, the fair-use limits with staff's per-account override, and the usage API token.
import { getTranslations } from 'next-intl/server';
import { markEnterpriseAction, rotateUsageTokenAction, setLimitsAction } from '@/app/staff/accounts/[id]/limits-actions';
import { FairUseLimits } from '@/components/plans/fair-use-limits';
import { InlineAction } from '@/components/ui/inline-action';
import { Badge } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { enterpriseAgreement } from '@/lib/usage/enterprise';
import { accountLimits } from '@/lib/usage/limits';
import { LIMIT_NAMES, ticketsPerAgent, type LimitName } from '@/lib/usage/rules';
import { usageTokenInfo } from '@/lib/usage/tokens';
import { DetailRow } from './detail-list';
import { LimitsForm, MarkEnterpriseForm } from './limits-forms';

function SubPanel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 border-t border-slate-100 pt-4 first:border-t-0 first:pt-0">
      <h3 id={id} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

export async function LimitsSection({ accountId, accountName, stopped }: { accountId: string; accountName: string; stopped: boolean }) {
  const db = await getDb();
  const at = now();
  const [limits, agreement, token, t, tLimits, tToken, f] = await Promise.all([
    accountLimits(db, accountId, at),
    enterpriseAgreement(db, accountId),
    usageTokenInfo(db, accountId),
    getTranslations('usage.section'),
    getTranslations('usage.limits'),
    getTranslations('usage.token'),
    getFormatters(),
  ]);
  const report = limits.latestReport;
  const VALUE: Record<LimitName, 'usersValue' | 'ticketsValue' | 'storageValue'> = { maxUsers: 'usersValue', maxTicketsPerMonth: 'ticketsValue', maxStorageGb: 'storageValue' };
  const planHint = (name: LimitName) => {
    const v = limits.plan?.[name] ?? null;
    return v === null ? tLimits('unlimited') : tLimits(VALUE[name], { count: v });
  };
  const planHints = Object.fromEntries(LIMIT_NAMES.map((n) => [n, planHint(n)])) as Record<LimitName, string>;
  return (
    <section aria-labelledby="usage-heading" id="enterprise" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id="usage-heading" className="text-base font-semibold text-slate-900">
          {t('title')}
        </h2>
        {agreement && <Badge tone="blue">{t('enterpriseBadge')}</Badge>}
      </div>
      <div className="space-y-4">
        <SubPanel id="enterprise-heading" title={t('markHeading')}>
          {agreement ? (
            <dl className="divide-y divide-slate-100">
              <DetailRow label={t('enterpriseBadge')}>{t('enterpriseSince', { date: f.date(agreement.markedAt) })}</DetailRow>
              <DetailRow label={t('agreedTerms')}>
                <span className="whitespace-pre-line">{agreement.agreedTerms}</span>
              </DetailRow>
            </dl>
          ) : stopped ? null : (
            <>
              <p className="text-sm text-slate-600">{t('markIntro')}</p>
              <MarkEnterpriseForm accountId={accountId} action={markEnterpriseAction} />
            </>
          )}
        </SubPanel>

        <SubPanel id="usage-report-heading" title={t('reportHeading')}>
          {report ? (
            <dl className="divide-y divide-slate-100">
              <DetailRow label={t('reportedAt')}>{f.dateTime(report.reportedAt)}</DetailRow>
              <DetailRow label={t('month')}>{report.month}</DetailRow>
              <DetailRow label={t('endUsers')}>{report.endUsers}</DetailRow>
              <DetailRow label={t('tickets')}>{report.ticketsThisMonth}</DetailRow>
              <DetailRow label={t('agents')}>{report.agents ?? '—'}</DetailRow>
              <DetailRow label={t('ticketsPerAgent')}>{Math.round(ticketsPerAgent(report.ticketsThisMonth, report.agents, limits.usage.users ?? 0))}</DetailRow>
              <DetailRow label={t('storage')}>{report.storageMb === null ? '—' : tLimits('storageUsed', { count: Math.round(report.storageMb / 102.4) / 10 })}</DetailRow>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{t('noReport')}</p>
          )}
        </SubPanel>

        <SubPanel id="limits-heading" title={t('limitsHeading')}>
          <FairUseLimits limits={limits.effective} usage={limits.usage} override={limits.override} label={`${accountName}: ${tLimits('title')}`} />
          {!stopped && (
            <>
              <p className="text-sm text-slate-600">{t('limitsIntro')}</p>
              <LimitsForm accountId={accountId} override={limits.override} planHints={planHints} action={setLimitsAction} />
            </>
          )}
        </SubPanel>

        <SubPanel id="token-heading" title={t('tokenHeading')}>
          {token ? (
            <dl className="divide-y divide-slate-100">
              <DetailRow label={t('createdBy')}>{token.createdByRole === 'staff' ? t('tokenByStaff') : t('tokenByOwner')}</DetailRow>
              <DetailRow label={tToken('prefix')}>
                <span className="font-mono">{token.tokenPrefix}…</span>
              </DetailRow>
              <DetailRow label={tToken('created')}>{f.dateTime(token.createdAt)}</DetailRow>
              <DetailRow label={tToken('lastUsed')}>
                {token.lastUsedAt ? f.dateTime(token.lastUsedAt) : tToken('neverUsed')}
              </DetailRow>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{t('noToken')}</p>
          )}
          {token && !stopped && (
            <InlineAction
              action={rotateUsageTokenAction}
              fields={{ accountId }}
              label={t('rotate')}
              accessibleLabel={t('rotateLabel', { account: accountName })}
              tone="danger"
            />
          )}
        </SubPanel>
      </div>
    </section>
  );
}

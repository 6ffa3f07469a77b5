import { getTranslations } from 'next-intl/server';
import { SignOutEverywhereForm } from '@/components/account/sign-out-everywhere-form';
import { UsageTokenForm } from '@/components/account/usage-token-form';
import { describeDevice } from '@/components/account/device';
import { DataTable } from '@/components/ui/data-table';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireMemberEvenIfSuspended } from '@/lib/auth/guards';
import { StaffAccessPersonalPage } from '@/components/account/staff-access-personal-page';
import { listActiveSessions } from '@/lib/auth/sessions';
import { getFormatters, getKeyTranslator } from '@/lib/i18n/server';
import { usageTokenInfo } from '@/lib/usage/tokens';
import { createUsageTokenAction, signOutEverywhereAction } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export const dynamic = 'force-dynamic';
export async function generateMetadata() {
  const t = await getTranslations('account.security');
  return { title: t('title') };
}

export default async function SecurityPage() {
  // Signing out everywhere must work on a suspended account too (PAY-2 leaves it open).
  const ctx = await requireMemberEvenIfSuspended();
  if (ctx.staffAccess) return <StaffAccessPersonalPage title={(await getTranslations('account.security'))('title')} />;
  const db = await getDb();
  const isOwner = ctx.user.role === 'owner';
  const [rows, token] = await Promise.all([listActiveSessions(db, ctx.user.id), isOwner ? usageTokenInfo(db, ctx.account.id) : null]);
  const [t, tToken, keys, f] = await Promise.all([getTranslations('account.security'), getTranslations('usage.token'), getKeyTranslator(), getFormatters()]);
  return (
    <ClientMessages name="accountSecurity">
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6">
        <section aria-labelledby="sessions-heading" className="space-y-3">
          <h2 id="sessions-heading" className="text-lg font-semibold text-slate-900">
            {t('sessionsHeading')}
          </h2>
          <DataTable
            caption={t('sessionsCaption')}
            rows={rows}
            rowKey={(s) => s.id}
            empty={t('noSessions')}
            columns={[
              {
                header: t('device'),
                cell: (s) => (
                  <>
                    <span className="font-medium text-slate-900">{describeDevice(s.userAgent, keys)}</span>
                    {s.id === ctx.sessionId && (
                      <span className="ml-2">
                        <Badge tone="blue">{t('thisDevice')}</Badge>
                      </span>
                    )}
                  </>
                ),
              },
              { header: t('ip'), className: 'whitespace-nowrap', cell: (s) => s.ip ?? '—' },
              { header: t('signedIn'), className: 'whitespace-nowrap', cell: (s) => f.dateTime(s.createdAt) },
              { header: t('lastActive'), className: 'whitespace-nowrap', cell: (s) => f.dateTime(s.lastSeenAt) },
            ]}
          />
        </section>
        <Card title={t('signOutEverywhere')}>
          <p className="mb-4 text-sm text-slate-600">{t('signOutEverywhereText')}</p>
          <SignOutEverywhereForm action={signOutEverywhereAction} />
        </Card>
        {/* PLAN-6: the usage API token, for the owner only. */}
        {isOwner && (
          <Card title={tToken('title')}>
            <p className="mb-3 text-sm text-slate-600">{tToken('intro')}</p>
            {token ? (
              <dl className="mb-4 space-y-1 text-sm">
                <div className="flex gap-2">
                  <dt className="text-slate-500">{tToken('prefix')}</dt>
                  <dd className="font-mono text-slate-900">{token.tokenPrefix}…</dd>
                </div>
                <div className="flex gap-2">
                  <dt className="text-slate-500">{tToken('created')}</dt>
                  <dd className="text-slate-900">{f.dateTime(token.createdAt)}</dd>
                </div>
                <div className="flex gap-2">
                  <dt className="text-slate-500">{tToken('lastUsed')}</dt>
                  <dd className="text-slate-900">{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : tToken('neverUsed')}</dd>
                </div>
              </dl>
            ) : (
              <p className="mb-4 text-sm text-slate-600">{tToken('none')}</p>
            )}
            {token?.createdByRole === 'staff' && (
              <p role="note" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {tToken('createdByStaff', { date: f.date(token.createdAt) })}
              </p>
            )}
            <UsageTokenForm hasToken={!!token} action={createUsageTokenAction} />
          </Card>
        )}
        <Card title={t('passwordCard')}>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
            <li>{t('passwordLength')}</li>
            <li>{t('passwordHash')}</li>
            <li>{t('passwordOwnLogin')}</li>
          </ul>
        </Card>
      </div>
    </ClientMessages>
  );
}

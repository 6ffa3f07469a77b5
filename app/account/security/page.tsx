import { getTranslations } from 'next-intl/server';
import { SignOutEverywhereForm } from '@/components/account/sign-out-everywhere-form';
import { describeDevice } from '@/components/account/device';
import { DataTable } from '@/components/ui/data-table';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireMemberEvenIfSuspended } from '@/lib/auth/guards';
import { listActiveSessions } from '@/lib/auth/sessions';
import { getFormatters, getKeyTranslator } from '@/lib/i18n/server';
import { signOutEverywhereAction } from './actions';

export const dynamic = 'force-dynamic';
export async function generateMetadata() {
  const t = await getTranslations('account.security');
  return { title: t('title') };
}

export default async function SecurityPage() {
  // Signing out everywhere must work on a suspended account too (PAY-2 leaves it open).
  const ctx = await requireMemberEvenIfSuspended();
  const rows = await listActiveSessions(await getDb(), ctx.user.id);
  const [t, keys, f] = await Promise.all([getTranslations('account.security'), getKeyTranslator(), getFormatters()]);
  return (
    <>
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
        <Card title={t('passwordCard')}>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
            <li>{t('passwordLength')}</li>
            <li>{t('passwordHash')}</li>
            <li>{t('passwordOwnLogin')}</li>
          </ul>
        </Card>
      </div>
    </>
  );
}

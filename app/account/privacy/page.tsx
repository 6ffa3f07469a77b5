import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { InlineAction } from '@/components/ui/inline-action';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireMember } from '@/lib/auth/guards';
import { StaffAccessPersonalPage } from '@/components/account/staff-access-personal-page';
import { getFormatters } from '@/lib/i18n/server';
import { consentStates, unsubscribedSince, type ConsentState } from '@/lib/privacy/consents';
import { resubscribeAction, setConsentAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('account.privacy');
  return { title: t('title') };
}

const KNOWN_SOURCES = new Set(['signup', 'appsumo', 'portal', 'newsletter', 'unsubscribe']);

/** GDPR-2: every member's own consents (each change takes effect at once), and GDPR-10's unsubscribe state. */
export default async function PrivacyPage() {
  const ctx = await requireMember();
  if (ctx.staffAccess) return <StaffAccessPersonalPage title={(await getTranslations('account.privacy'))('title')} />;
  const db = await getDb();
  const email = ctx.user.email ?? '';
  const [states, unsubscribed] = await Promise.all([consentStates(db, ctx.user.id), email ? unsubscribedSince(db, email) : null]);
  const t = await getTranslations('consents');
  const title = (await getTranslations('account.privacy'))('title');
  const f = await getFormatters();
  const purposeTitle = (s: ConsentState) => t(`purposes.${s.purpose}.title`);
  return (
    <>
      <PageHeader title={title} description={t('portal.intro')} />
      <div className="space-y-6">
        <DataTable
          caption={t('portal.caption')}
          captionVisible
          rows={states}
          rowKey={(s) => s.purpose}
          empty={null}
          columns={[
            {
              header: t('portal.columns.purpose'),
              cell: (s) => (
                <div>
                  <p className="font-medium text-slate-900">{purposeTitle(s)}</p>
                  <p className="text-xs text-slate-600">{t(`purposes.${s.purpose}.description`)}</p>
                </div>
              ),
            },
            { header: t('portal.columns.state'), cell: (s) => (s.granted ? <Badge tone="green">{t('portal.given')}</Badge> : <Badge>{t('portal.notGiven')}</Badge>) },
            {
              header: t('portal.columns.since'),
              cell: (s) =>
                s.at
                  ? t('portal.changedOn', { date: f.date(s.at), how: t(`sources.${KNOWN_SOURCES.has(s.source ?? '') ? s.source : 'other'}`) })
                  : <span className="text-slate-600">{t('portal.never')}</span>,
            },
            {
              header: t('portal.columns.change'),
              cell: (s) => (
                // A new key after each change: the row shows the button for the new state.
                <InlineAction
                  key={`${s.purpose}-${s.granted}`}
                  action={setConsentAction}
                  fields={{ purpose: s.purpose, granted: String(!s.granted) }}
                  label={s.granted ? t('portal.withdraw') : t('portal.give')}
                  accessibleLabel={t(s.granted ? 'portal.withdrawFor' : 'portal.giveFor', { purpose: purposeTitle(s) })}
                  tone={s.granted ? 'danger' : 'neutral'}
                />
              ),
            },
          ]}
        />
        <Card title={t('portal.listTitle')}>
          {unsubscribed ? (
            <div className="space-y-3 text-sm text-slate-700">
              <p>{t('portal.unsubscribedSince', { email, date: f.date(unsubscribed) })}</p>
              <InlineAction key={unsubscribed.toISOString()} action={resubscribeAction} fields={{}} label={t('portal.subscribeAgain')} />
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t('portal.notUnsubscribed', { email })}</p>
          )}
        </Card>
        <Card title={t('portal.rightsTitle')}>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>
              <Link href="/privacy">{t('portal.policy')}</Link>
            </li>
            <li>
              <Link href="/privacy/request">{t('portal.request')}</Link>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}

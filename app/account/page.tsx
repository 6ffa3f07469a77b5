import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PortalLinks } from '@/components/account/portal-links';
import { FairUseLimits } from '@/components/plans/fair-use-limits';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { accountAddress } from '@/lib/accounts/address';
import { getAccountOverview } from '@/lib/accounts/portal-queries';
import { requireMember } from '@/lib/auth/guards';
import { trialDaysLeft } from '@/lib/billing/periods';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('account.overview');
  return { title: t('title') };
}

const ROLE: Record<string, 'owner' | 'admin' | 'agent'> = { owner: 'owner', admin: 'admin', agent: 'agent' };
const STATUS: Record<string, { key: 'active' | 'pendingVerification' | 'suspended' | 'stopped'; tone: 'green' | 'amber' | 'red' | 'slate' }> = {
  active: { key: 'active', tone: 'green' },
  pending_verification: { key: 'pendingVerification', tone: 'amber' },
  suspended: { key: 'suspended', tone: 'red' },
  stopped: { key: 'stopped', tone: 'slate' },
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember();
  const { denied } = await searchParams;
  const db = await getDb();
  const [overview, t, tAccount, tLimits, f] = await Promise.all([
    getAccountOverview(db, ctx.account.id, now()),
    getTranslations('account.overview'),
    getTranslations('account'),
    getTranslations('usage.limits'),
    getFormatters(),
  ]);
  if (!overview) notFound();
  const { account, plan, subscription, owner, limits } = overview;
  const known = STATUS[account.status];
  const status = known ? { label: tAccount(`accountStatus.${known.key}`), tone: known.tone } : { label: account.status, tone: 'slate' as const };
  const role = ROLE[ctx.user.role] ? tAccount(`roles.${ROLE[ctx.user.role]}`) : ctx.user.role;
  const isOwner = ctx.user.role === 'owner';

  return (
    <>
      <PageHeader title={t('title')} description={t('signedInAs', { name: ctx.user.fullName })} />
      {denied === 'owner' && (
        <div role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t('deniedOwner', { owner: owner?.fullName ?? t('yourAccountOwner') })}
        </div>
      )}
      {denied === 'managers' && (
        <div role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t('deniedManagers', { owner: owner?.fullName ?? t('yourAccountOwner') })}
        </div>
      )}
      {denied === 'staff' && (
        <div role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t('deniedStaff')}
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t('accountCard')}>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">{t('address')}</dt>
              <dd className="break-all font-medium text-slate-900">{accountAddress(account.slug)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('company')}</dt>
              <dd className="font-medium text-slate-900">{account.companyName}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('status')}</dt>
              <dd>
                <Badge tone={status.tone}>{status.label}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('yourRole')}</dt>
              <dd className="font-medium text-slate-900">{role}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('created')}</dt>
              <dd className="text-slate-900">{f.date(account.createdAt)}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t('planCard')}>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">{t('plan')}</dt>
              <dd className="font-medium text-slate-900">{plan ? plan.name : t('noPlan')}</dd>
            </div>
            {subscription?.status === 'trialing' && subscription.trialEndsAt && (
              <div>
                <dt className="text-slate-500">{t('freeTrial')}</dt>
                <dd className="font-medium text-slate-900">
                  {t('trialLeft', { days: trialDaysLeft(subscription.trialEndsAt, now()), date: f.date(subscription.trialEndsAt) })}
                </dd>
              </div>
            )}
            {subscription?.status === 'active' && subscription.currentPeriodEnd && (
              <div>
                <dt className="text-slate-500">{t('renews')}</dt>
                <dd className="font-medium text-slate-900">{f.date(subscription.currentPeriodEnd)}</dd>
              </div>
            )}
          </dl>
          {isOwner && (
            <p className="mt-3 text-sm">
              <Link href="/account/billing" className="font-medium">
                {t('billingLink')}
              </Link>
            </p>
          )}
        </Card>
        <Card title={t('ownerCard')}>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">{t('name')}</dt>
              <dd className="font-medium text-slate-900">{owner?.fullName ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('email')}</dt>
              <dd className="break-all font-medium text-slate-900">{owner?.email ?? '—'}</dd>
            </div>
          </dl>
          <p className="mt-3 text-sm text-slate-600">{t('ownerResponsible')}</p>
        </Card>
      </div>
      {/* PLAN-7: the account's fair-use limits and what is in use now. */}
      <Card title={tLimits('title')} className="mt-4">
        <p className="mb-3 text-sm text-slate-600">{tLimits('intro')}</p>
        <FairUseLimits limits={limits.effective} usage={limits.usage} override={limits.override} />
      </Card>
      <h2 className="mb-3 mt-8 text-lg font-semibold text-slate-900">{t('manage')}</h2>
      <PortalLinks role={ctx.user.role as 'owner' | 'admin' | 'agent'} />
    </>
  );
}

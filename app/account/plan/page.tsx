import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { PlanChangeForm } from '@/components/plans/plan-change-form';
import { ScheduledChange } from '@/components/plans/scheduled-change';
import { UpcomingPriceNotice } from '@/components/prices/upcoming-price-notice';
import { FairUseLimits } from '@/components/plans/fair-use-limits';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireOwner } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import type { Terms } from '@/lib/plans/rules';
import { choosablePlans, planState } from '@/lib/plans/service';
import { seatsTaken } from '@/lib/team/service';
import { accountLimits } from '@/lib/usage/limits';
import { cancelScheduledChangeAction, confirmPlanChangeAction, reviewPlanChangeAction } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('account.plan');
  return { title: t('title') };
}

export default async function Page() {
  const ctx = await requireOwner();
  const db = await getDb();
  const [state, plans, taken, limits, t, tTitle, tLimits, fmt] = await Promise.all([
    planState(db, ctx.account.id),
    choosablePlans(db),
    seatsTaken(db, ctx.account.id, now()),
    accountLimits(db, ctx.account.id, now()),
    getTranslations('plans'),
    getTranslations('account.plan'),
    getTranslations('usage.limits'),
    getFormatters(),
  ]);
  const terms = (v: Terms) => t('page.termsValue', { plan: v.plan.name, seats: v.seats, period: t(`page.periodLower.${v.interval}`) });
  const header = <PageHeader title={tTitle('title')} description={t('page.description')} />;
  if (!state) return header;
  const sub = state.subscription;
  const lifetime = sub.status === 'lifetime' || sub.lifetime;
  const openInvoice = sub.status === 'past_due' || sub.status === 'suspended' || !!sub.dunningInvoiceId;

  return (
    <ClientMessages name="accountPlan">
      {header}
      <div className="space-y-6">
        <Card title={t('page.currentTitle')}>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t('page.plan')}</dt>
            <dd className="font-medium text-slate-900">{state.current.plan.name}</dd>
            <dt className="text-slate-600">{t('page.seats')}</dt>
            <dd>{state.current.seats}</dd>
            <dt className="text-slate-600">{t('page.usersOnAccount')}</dt>
            <dd>{t('page.usersOnAccountValue', { taken, seats: state.current.seats })}</dd>
            {!lifetime && (
              <>
                <dt className="text-slate-600">{t('page.billingPeriod')}</dt>
                <dd>{t(`period.${state.current.interval}`)}</dd>
              </>
            )}
            {!lifetime && state.nextRenewalAt && (
              <>
                <dt className="text-slate-600">{sub.status === 'trialing' ? t('page.trialEnds') : t('page.nextRenewal')}</dt>
                <dd>{fmt.date(state.nextRenewalAt)}</dd>
              </>
            )}
          </dl>
        </Card>

        <UpcomingPriceNotice accountId={ctx.account.id} />

        <ScheduledChange
          action={cancelScheduledChangeAction}
          scheduled={
            state.scheduled
              ? {
                  title: t('page.scheduledTitle'),
                  body: t('page.scheduledBody', { date: state.nextRenewalAt ? fmt.date(state.nextRenewalAt) : '—', terms: terms(state.scheduled) }),
                  noRefund: t('page.noRefund'),
                  cancel: t('page.cancelScheduled'),
                }
              : null
          }
        />

        {/* PLAN-7: the fair-use limits of this account and what is in use now. */}
        <Card title={tLimits('title')}>
          <p className="mb-3 text-sm text-slate-600">{tLimits('intro')}</p>
          <FairUseLimits limits={limits.effective} usage={limits.usage} override={limits.override} />
        </Card>

        {lifetime ? (
          <Card title={t('page.lifetimeTitle')}>
            <p className="text-sm text-slate-800">{t('page.lifetimeBody', { plan: state.current.plan.name, seats: state.current.seats })}</p>
          </Card>
        ) : sub.status === 'canceled' ? (
          <Card title={t('page.changeTitle')}>
            <p className="text-sm text-slate-800">{t('page.canceledBody')}</p>
          </Card>
        ) : openInvoice ? (
          <Card title={t('page.changeTitle')}>
            <p className="text-sm text-slate-800">{t('page.openInvoiceBody')}</p>
            <p className="mt-2 text-sm">
              <Link href="/account/billing">{t('page.billingLink')}</Link>
            </p>
          </Card>
        ) : (
          <Card title={t('page.changeTitle')}>
            <p className="mb-4 text-sm text-slate-700">{t('page.changeIntro')}</p>
            <PlanChangeForm
              plans={plans.map((p) => ({ code: p.code, name: p.name }))}
              defaults={{ plan: state.current.plan.code, seats: String(state.current.seats), interval: state.current.interval }}
              reviewAction={reviewPlanChangeAction}
              confirmAction={confirmPlanChangeAction}
            />
          </Card>
        )}
      </div>
    </ClientMessages>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SchedulePriceChangeForm } from '@/components/prices/schedule-form';
import { DataTable } from '@/components/ui/data-table';
import { InlineAction } from '@/components/ui/inline-action';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { earliestEffectiveDate, effectiveInstant } from '@/lib/prices/rules';
import { listPlanPrices, type PriceChange } from '@/lib/prices/service';
import { schedulePriceChangeAction, withdrawPriceChangeAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('prices.staff');
  return { title: t('title') };
}

const stateOf = (c: PriceChange) => (c.withdrawnAt ? 'withdrawn' : c.appliedAt ? 'applied' : 'scheduled');
const TONE = { scheduled: 'blue', applied: 'green', withdrawn: 'slate' } as const;

export default async function StaffPrices() {
  await requireStaff();
  const at = now();
  const [{ plans, history }, t, f] = await Promise.all([listPlanPrices(await getDb()), getTranslations('prices.staff'), getFormatters()]);
  const earliest = earliestEffectiveDate(at);
  const pair = (monthly: number, yearly: number) => t('pricePair', { monthly: f.money(monthly), yearly: f.money(yearly) });
  const scheduled = plans.flatMap((p) => (p.scheduled ? [{ ...p.scheduled, planName: p.plan.name }] : []));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6">
        <DataTable
          caption={t('plansCaption')}
          captionVisible
          rows={plans}
          rowKey={(p) => p.plan.id}
          empty={t('noPlans')}
          columns={[
            { header: t('columns.plan'), cell: (p) => p.plan.name },
            { header: t('columns.monthly'), align: 'right', cell: (p) => f.money(p.plan.seatPriceMonthlyCents) },
            { header: t('columns.yearly'), align: 'right', cell: (p) => f.money(p.plan.seatPriceYearlyCents) },
            {
              header: t('columns.scheduled'),
              cell: (p) =>
                p.scheduled
                  ? t('scheduledChange', { monthly: f.money(p.scheduled.newMonthlyCents), yearly: f.money(p.scheduled.newYearlyCents), date: f.date(p.scheduled.effectiveAt) })
                  : t('noScheduledChange'),
            },
          ]}
        />
        <Card title={t('form.title')}>
          <SchedulePriceChangeForm
            action={schedulePriceChangeAction}
            plans={plans.filter((p) => !p.scheduled).map((p) => ({ value: p.plan.id, label: p.plan.name }))}
            earliest={earliest}
            earliestLabel={f.date(effectiveInstant(earliest))}
          />
        </Card>
        <DataTable
          caption={t('scheduledCaption')}
          captionVisible
          rows={scheduled}
          rowKey={(c) => c.id}
          empty={t('noScheduled')}
          columns={[
            { header: t('columns.plan'), cell: (c) => c.planName },
            { header: t('columns.effective'), className: 'whitespace-nowrap', cell: (c) => f.date(c.effectiveAt) },
            { header: t('columns.newPrices'), cell: (c) => pair(c.newMonthlyCents, c.newYearlyCents) },
            { header: t('columns.oldPrices'), cell: (c) => pair(c.oldMonthlyCents, c.oldYearlyCents) },
            { header: t('columns.recipients'), align: 'right', cell: (c) => c.recipients },
            {
              header: t('columns.actions'),
              cell: (c) => (
                <InlineAction
                  action={withdrawPriceChangeAction}
                  fields={{ changeId: c.id }}
                  label={t('withdraw')}
                  accessibleLabel={t('withdrawLabel', { plan: c.planName, date: f.date(c.effectiveAt) })}
                  tone="danger"
                />
              ),
            },
          ]}
        />
        <DataTable
          caption={t('historyCaption')}
          captionVisible
          rows={history}
          rowKey={(c) => c.id}
          empty={t('noHistory')}
          columns={[
            { header: t('columns.plan'), cell: (c) => c.planName },
            { header: t('columns.effective'), className: 'whitespace-nowrap', cell: (c) => f.date(c.effectiveAt) },
            { header: t('columns.newPrices'), cell: (c) => pair(c.newMonthlyCents, c.newYearlyCents) },
            { header: t('columns.oldPrices'), cell: (c) => pair(c.oldMonthlyCents, c.oldYearlyCents) },
            { header: t('columns.announced'), className: 'whitespace-nowrap', cell: (c) => f.date(c.announcedAt) },
            { header: t('columns.recipients'), align: 'right', cell: (c) => c.recipients },
            {
              header: t('columns.state'),
              cell: (c) => {
                const state = stateOf(c);
                return <Badge tone={TONE[state]}>{t(`states.${state}`)}</Badge>;
              },
            },
          ]}
        />
      </div>
    </>
  );
}

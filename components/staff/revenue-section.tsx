// The staff dashboard's revenue view (server component): the figures of getRevenueOverview as
// charts, each followed by a table with the same numbers.
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/page';
import { getFormatters } from '@/lib/i18n/server';
import type { RevenueOverview } from '@/lib/staff/revenue';
import { SingleSeriesBarChart, WeeklyActivityChart } from './revenue-charts';

const STATES = ['active', 'trialing', 'pastDue', 'suspended', 'lifetime'] as const;

export async function RevenueSection({ overview }: { overview: RevenueOverview }) {
  const t = await getTranslations('staff.revenue');
  const f = await getFormatters();
  const { byPlan, totalMrrCents, subscriptions, weeks, openDebt } = overview;
  const planPoints = byPlan.map((p) => ({ name: p.planName, value: p.mrrCents / 100, label: f.money(p.mrrCents) }));
  const statePoints = STATES.map((s) => ({ name: t(`states.${s}`), value: subscriptions[s], label: String(subscriptions[s]) }));
  const weekPoints = weeks.map((w) => ({ name: f.date(w.weekStart), signups: w.signups, cancellations: w.cancellations }));
  const total = (k: 'signups' | 'cancellations') => weeks.reduce((s, w) => s + w[k], 0);

  return (
    <section aria-labelledby="revenue-heading" className="space-y-4">
      <div>
        <h2 id="revenue-heading" className="text-base font-semibold text-slate-900">
          {t('heading')}
        </h2>
        <p className="text-sm text-slate-600">{t('note')}</p>
      </div>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-sm text-slate-600">{t('mrr')}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{f.money(totalMrrCents)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-sm text-slate-600">{t('payingSubscriptions')}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{subscriptions.active + subscriptions.pastDue}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-sm text-slate-600">{t('openDebt')}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{f.money(openDebt.grossCents)}</dd>
          <dd className="text-sm text-slate-600">{t('openInvoices', { count: openDebt.invoices })}</dd>
        </div>
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="mrr-by-plan" title={t('mrrByPlan')}>
          <SingleSeriesBarChart data={planPoints} seriesName={t('mrr')} description={t('mrrChart', { total: f.money(totalMrrCents) })} />
          <DataTable
            caption={t('mrrByPlan')}
            rows={byPlan}
            rowKey={(p) => p.planCode}
            empty={t('noPlans')}
            columns={[
              { header: t('columns.plan'), cell: (p) => p.planName },
              { header: t('columns.subscriptions'), cell: (p) => p.subscriptions, align: 'right' },
              { header: t('columns.mrr'), cell: (p) => f.money(p.mrrCents), align: 'right' },
            ]}
          />
        </Panel>
        <Panel id="subscription-states" title={t('byState')}>
          <SingleSeriesBarChart data={statePoints} seriesName={t('columns.subscriptions')} description={t('stateChart')} />
          <DataTable
            caption={t('byState')}
            rows={STATES}
            rowKey={(s) => s}
            empty={t('noPlans')}
            columns={[
              { header: t('columns.state'), cell: (s) => t(`states.${s}`) },
              { header: t('columns.subscriptions'), cell: (s) => subscriptions[s], align: 'right' },
            ]}
          />
        </Panel>
      </div>
      <Panel id="weekly-activity" title={t('weekly', { weeks: weeks.length })}>
        <WeeklyActivityChart
          data={weekPoints}
          signupsName={t('columns.signups')}
          cancellationsName={t('columns.cancellations')}
          description={t('weeklyChart', { signups: total('signups'), cancellations: total('cancellations'), weeks: weeks.length })}
        />
        <DataTable
          caption={t('weekly', { weeks: weeks.length })}
          rows={weeks}
          rowKey={(w) => w.weekStart.toISOString()}
          empty={t('noPlans')}
          columns={[
            { header: t('columns.week'), cell: (w) => t('weekOf', { date: f.date(w.weekStart) }) },
            { header: t('columns.signups'), cell: (w) => w.signups, align: 'right' },
            { header: t('columns.cancellations'), cell: (w) => w.cancellations, align: 'right' },
          ]}
        />
      </Panel>
    </section>
  );
}

// INV-7: the owner's prepaid credit on /account/billing: balance and the projected end date, which
// follows the current plan and seats. Shown only for an account that has had credit.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { creditSummary } from '@/lib/credit/service';
import { getFormatters } from '@/lib/i18n/server';

export async function PrepaidCreditCard({ accountId }: { accountId: string }) {
  const summary = await creditSummary(await getDb(), accountId, now());
  if (!summary) return null;
  const [t, f] = await Promise.all([getTranslations('credit.owner'), getFormatters()]);
  return (
    <section aria-labelledby="prepaid-credit-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="prepaid-credit-heading" className="mb-3 text-base font-semibold text-slate-900">
        {t('heading')}
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-600">{t('balance')}</dt>
          <dd className="text-lg font-semibold text-slate-900">{f.money(summary.balanceCents)}</dd>
        </div>
        {summary.endsAt && (
          <div>
            <dt className="text-sm text-slate-600">{t('projectedEnd')}</dt>
            <dd className="text-lg font-semibold text-slate-900">{f.date(summary.endsAt)}</dd>
          </div>
        )}
      </dl>
      <div className="mt-3 space-y-1 text-sm text-slate-700">
        {summary.balanceCents <= 0 ? (
          <p>{t('used')}</p>
        ) : summary.endsAt && summary.periodGrossCents ? (
          <>
            <p>{t('periods', { count: summary.periods })}</p>
            <p>{t('perPeriod', { amount: f.money(summary.periodGrossCents) })}</p>
            <p className="text-slate-600">{t('howItWorks')}</p>
          </>
        ) : summary.periodGrossCents ? (
          <p>{t('notCovering', { amount: f.money(summary.periodGrossCents) })}</p>
        ) : null}
      </div>
    </section>
  );
}

import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { FairUseLimits } from '@/components/plans/fair-use-limits';
import { getDb } from '@/db/client';
import { catalogues } from '@/lib/i18n/catalogue';
import { getFormatters } from '@/lib/i18n/server';
import { listPublicPlans } from '@/lib/plans/queries';
import { now } from '@/lib/clock';
import { announcedPriceChanges } from '@/lib/prices/service';
import { limitsOf } from '@/lib/usage/limits';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.pricing');
  return { title: t('metaTitle') };
}

/**
 * Plan descriptions and features live in the database in English. The ones the catalogue knows
 * (the seeded plans) are shown in the reader's language; text staff changed is shown as written.
 */
function knownKeys(group: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(group).map(([key, english]) => [english, key]));
}
const DESCRIPTIONS = knownKeys(catalogues.en.public.pricing.plans);
const FEATURES = knownKeys(catalogues.en.public.pricing.features);

export default async function PricingPage() {
  const db = await getDb();
  const [plans, announced, t, tPrices, tLimits, fmt] = await Promise.all([
    listPublicPlans(db),
    announcedPriceChanges(db, now()),
    getTranslations('public.pricing'),
    getTranslations('prices.pricing'),
    getTranslations('usage.limits'),
    getFormatters(),
  ]);
  const described = (text: string) => (DESCRIPTIONS.has(text) ? t(`plans.${DESCRIPTIONS.get(text)}`) : text);
  const feature = (text: string) => (FEATURES.has(text) ? t(`features.${FEATURES.get(text)}`) : text);
  return (
    <div className="mx-auto max-w-6xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-slate-600">{t('intro')}</p>
      <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
        {plans.map((plan) => (
          <li key={plan.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h2 className="text-lg font-semibold text-slate-900">{plan.name}</h2>
            <p className="mt-1 text-sm text-slate-600">{described(plan.description)}</p>
            <p className="mt-4">
              {plan.seatPriceMonthlyCents === 0 ? (
                <span className="text-3xl font-bold text-slate-900">{t('free')}</span>
              ) : (
                <>
                  <span className="text-3xl font-bold text-slate-900">{fmt.money(plan.seatPriceMonthlyCents)}</span>
                  <span className="text-sm text-slate-600"> {t('perSeatMonth')}</span>
                </>
              )}
            </p>
            {plan.seatPriceYearlyCents > 0 && (
              <p className="text-sm text-slate-600">{t('perSeatYear', { price: fmt.money(plan.seatPriceYearlyCents) })}</p>
            )}
            {announced.has(plan.id) && (
              // PLAN-5: an announced price change, until it takes effect.
              <p className="mt-2 text-sm text-slate-700">
                {tPrices('announced', {
                  date: fmt.date(announced.get(plan.id)!.effectiveAt),
                  monthly: fmt.money(announced.get(plan.id)!.newMonthlyCents),
                  yearly: fmt.money(announced.get(plan.id)!.newYearlyCents),
                })}
              </p>
            )}
            <ul className="mt-4 flex-1 space-y-1 text-sm text-slate-700">
              {plan.features.map((f) => (
                <li key={f}>✓ {feature(f)}</li>
              ))}
            </ul>
            {/* PLAN-7: the plan's fair-use limits. */}
            <h3 className="mt-4 text-sm font-semibold text-slate-900">{tLimits('pricingHeading')}</h3>
            <div className="mt-1">
              <FairUseLimits limits={limitsOf(plan)} label={`${plan.name}: ${tLimits('title')}`} />
            </div>
            <Link
              href="/signup"
              className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-center text-sm font-semibold text-white no-underline hover:bg-brand-800 hover:no-underline"
            >
              {t('startTrial')}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

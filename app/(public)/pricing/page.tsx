import Link from 'next/link';
import { getDb } from '@/db/client';
import { formatMoney } from '@/lib/format';
import { listPublicPlans } from '@/lib/plans/queries';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Pricing' };

export default async function PricingPage() {
  const plans = await listPublicPlans(await getDb());
  return (
    <div className="mx-auto max-w-6xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Pricing</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Every paid plan is priced per seat and starts with a free 14-day trial. Pay monthly, or yearly and save about two
        months. Prices exclude VAT where it applies.
      </p>
      <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
        {plans.map((plan) => (
          <li key={plan.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h2 className="text-lg font-semibold text-slate-900">{plan.name}</h2>
            <p className="mt-1 text-sm text-slate-600">{plan.description}</p>
            <p className="mt-4">
              {plan.seatPriceMonthlyCents === 0 ? (
                <span className="text-3xl font-bold text-slate-900">Free</span>
              ) : (
                <>
                  <span className="text-3xl font-bold text-slate-900">{formatMoney(plan.seatPriceMonthlyCents)}</span>
                  <span className="text-sm text-slate-600"> per seat / month</span>
                </>
              )}
            </p>
            {plan.seatPriceYearlyCents > 0 && (
              <p className="text-sm text-slate-600">or {formatMoney(plan.seatPriceYearlyCents)} per seat / year</p>
            )}
            <ul className="mt-4 flex-1 space-y-1 text-sm text-slate-700">
              {plan.features.map((f) => (
                <li key={f}>✓ {f}</li>
              ))}
            </ul>
            <Link
              href="/signup"
              className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-center text-sm font-semibold text-white no-underline hover:bg-brand-800 hover:no-underline"
            >
              Start free trial
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

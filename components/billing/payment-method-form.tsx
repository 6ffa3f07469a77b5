'use client';
// PAY-3/PAY-5/PAY-7: choose the plan and interval for the first period (while it is unpaid) and go
// to the processor's hosted card form or PayPal page. The card number is typed there, never here.
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import type { FormState } from '@/lib/actions';
import { useFormatters } from '@/lib/i18n/use-formatters';

export interface PlanOption {
  code: string;
  name: string;
  monthlyCents: number;
  yearlyCents: number;
}

type Action = (prev: FormState<{ url: string }>, fd: FormData) => Promise<FormState<{ url: string }>>;

const buttonBase = 'inline-flex w-full items-center justify-center rounded-md px-4 py-2.5 text-sm font-semibold shadow-sm disabled:opacity-60 sm:w-auto';

export function PaymentMethodForm({
  action,
  firstPeriodDue,
  plans,
  planCode,
  interval,
  seats,
  hasCard,
}: {
  action: Action;
  firstPeriodDue: boolean;
  plans: PlanOption[];
  planCode: string;
  interval: 'monthly' | 'yearly';
  seats: number;
  hasCard: boolean;
}) {
  const t = useTranslations('billing.paymentForm');
  const { money } = useFormatters();
  const [state, dispatch, pending] = useActionState(action, { status: 'idle' });
  const url = state.status === 'ok' ? state.data?.url : undefined;
  useEffect(() => {
    // The processor's page is not part of this app: a full navigation, not a client-side one.
    if (url) window.location.assign(url);
  }, [url]);
  const busy = pending || !!url;
  const [chosenInterval, setChosenInterval] = useState(interval);

  return (
    <form action={dispatch} className="space-y-5">
      {state.status === 'error' && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.formError ?? Object.values(state.fieldErrors)[0]?.[0]}
        </div>
      )}
      {firstPeriodDue && (
        <>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">{t('plan')}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {plans.map((p) => (
                <label key={p.code} className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                  <input type="radio" name="plan" value={p.code} defaultChecked={p.code === planCode} className="mt-1" />
                  <span>
                    <span className="block font-medium text-slate-900">{p.name}</span>
                    <span className="block text-slate-600">
                      {t('planPrice', { monthly: money(p.monthlyCents), yearly: money(p.yearlyCents) })}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">{t('interval')}</legend>
            <div className="mt-2 flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="interval" value="monthly" checked={chosenInterval === 'monthly'} onChange={() => setChosenInterval('monthly')} /> {t('monthly')}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="interval" value="yearly" checked={chosenInterval === 'yearly'} onChange={() => setChosenInterval('yearly')} /> {t('yearly')}
              </label>
            </div>
          </fieldset>
          <p className="text-sm text-slate-600">{t(chosenInterval === 'yearly' ? 'firstChargeYearly' : 'firstChargeMonthly', { seats })}</p>
        </>
      )}
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" name="method" value="card" disabled={busy} className={`${buttonBase} bg-brand-700 text-white hover:bg-brand-800`}>
          {hasCard ? t('replaceCard') : t('addCard')}
        </button>
        <button type="submit" name="method" value="paypal" disabled={busy} className={`${buttonBase} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`}>
          {t('payPal')}
        </button>
      </div>
      {busy && (
        <p role="status" className="text-sm text-slate-600">
          {t('opening')}
        </p>
      )}
      <p className="text-xs text-slate-500">{t('cardSafety')}</p>
    </form>
  );
}

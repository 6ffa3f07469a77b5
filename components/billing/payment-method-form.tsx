'use client';
// PAY-3/PAY-5/PAY-7: choose the plan and interval for the first period (while it is unpaid) and go
// to the processor's hosted card form or PayPal page. The card number is typed there, never here.
import { useActionState, useEffect, useState } from 'react';
import type { FormState } from '@/lib/actions';
import { formatMoney } from '@/lib/format';

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
            <legend className="text-sm font-medium text-slate-700">Plan</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {plans.map((p) => (
                <label key={p.code} className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                  <input type="radio" name="plan" value={p.code} defaultChecked={p.code === planCode} className="mt-1" />
                  <span>
                    <span className="block font-medium text-slate-900">{p.name}</span>
                    <span className="block text-slate-600">
                      {formatMoney(p.monthlyCents)} per seat a month, or {formatMoney(p.yearlyCents)} a year
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Billing interval</legend>
            <div className="mt-2 flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="interval" value="monthly" checked={chosenInterval === 'monthly'} onChange={() => setChosenInterval('monthly')} /> Monthly
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="interval" value="yearly" checked={chosenInterval === 'yearly'} onChange={() => setChosenInterval('yearly')} /> Yearly (two months free)
              </label>
            </div>
          </fieldset>
          <p className="text-sm text-slate-600">
            Adding a payment method charges the first {chosenInterval === 'yearly' ? 'year' : 'month'} for {seats} seat{seats === 1 ? '' : 's'} at once, plus VAT where
            it applies, and ends the free trial. Your subscription renews automatically at the start of each period.
          </p>
        </>
      )}
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" name="method" value="card" disabled={busy} className={`${buttonBase} bg-brand-700 text-white hover:bg-brand-800`}>
          {hasCard ? 'Replace card' : 'Add card'}
        </button>
        <button type="submit" name="method" value="paypal" disabled={busy} className={`${buttonBase} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`}>
          Pay with PayPal
        </button>
      </div>
      {busy && (
        <p role="status" className="text-sm text-slate-600">
          Opening the secure payment page…
        </p>
      )}
      <p className="text-xs text-slate-500">Card details are entered on our payment processor’s page; Accountdesk never sees or stores your card number.</p>
    </form>
  );
}

'use client';
// PLAN-1..PLAN-4: choose plan, seats and billing period → "Review change" shows what is charged
// now and from the next renewal (with VAT) and what a downgrade loses → "Confirm change".
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { useFormatters } from '@/lib/i18n/use-formatters';
import { planChangeSchema } from '@/lib/plans/schemas';
import type { AmountView, ReviewData, TermsView } from '@/lib/plans/view';

type Action<R = undefined> = (prev: FormState<R>, fd: FormData) => Promise<FormState<R>>;

const TREATMENT_KEY = { domestic: 'domestic', reverse_charge: 'reverseCharge', eu_consumer: 'euConsumer', outside_eu: 'outsideEu' } as const;

export function PlanChangeForm({
  plans,
  defaults,
  reviewAction,
  confirmAction,
}: {
  plans: { code: string; name: string }[];
  defaults: { plan: string; seats: string; interval: 'monthly' | 'yearly' };
  reviewAction: Action<ReviewData>;
  confirmAction: Action;
}) {
  const t = useTranslations('plans');
  const f = useServerForm(planChangeSchema, reviewAction, defaults);
  const [confirmState, confirm, confirming] = useActionState<FormState, FormData>(confirmAction, { status: 'idle' });
  // The review shown is the last one the server answered, until a field changes or it is confirmed.
  const [dismissed, setDismissed] = useState<FormState<ReviewData> | null>(null);
  const review = f.state.status === 'ok' && f.state !== dismissed ? f.state.data : undefined;
  const { watch } = f.form;
  const state = f.state;
  useEffect(() => {
    const sub = watch(() => setDismissed(state));
    return () => sub.unsubscribe();
  }, [watch, state]);
  useEffect(() => {
    if (confirmState.status === 'ok') setDismissed(state);
    // Only a new confirmation closes the review.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [confirmState]);

  return (
    <div className="space-y-6">
      <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField f={f} name="plan" label={t('page.plan')} options={plans.map((p) => ({ value: p.code, label: p.name }))} />
          <TextField f={f} name="seats" label={t('page.seats')} type="number" hint={t('page.seatsHint')} />
          <SelectField
            f={f}
            name="interval"
            label={t('page.billingPeriod')}
            options={[
              { value: 'monthly', label: t('period.monthly') },
              { value: 'yearly', label: t('period.yearly') },
            ]}
          />
        </div>
        <SubmitButton pending={f.pending}>{t('page.review')}</SubmitButton>
        {f.state.status === 'error' && <FormMessage state={f.state} />}
      </form>
      {review && <Review review={review} confirm={confirm} confirming={confirming} confirmState={confirmState} />}
      {!review && confirmState.status === 'ok' && <FormMessage state={confirmState} />}
    </div>
  );
}

function Review({ review, confirm, confirming, confirmState }: { review: ReviewData; confirm: (fd: FormData) => void; confirming: boolean; confirmState: FormState }) {
  const t = useTranslations('plans.page');
  const fmt = useFormatters();
  const headingId = useId();
  const terms = (v: TermsView) => t('termsValue', { plan: v.planName, seats: v.seats, period: t(`periodLower.${v.interval}`) });
  const blocked = review.overBy > 0;
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-brand-200 bg-brand-50/40 p-5">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {t('reviewTitle')}
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
        {review.changesNow && <li>{t('appliesNow', { terms: terms(review.now) })}</li>}
        {review.scheduled && review.nextRenewalAt && <li>{t('appliesAtRenewal', { date: fmt.date(review.nextRenewalAt), terms: terms(review.scheduled) })}</li>}
      </ul>

      <AmountBlock title={t('nowTitle')} amount={review.chargeNow}>
        {review.chargeNow && review.periodEnd ? (
          <p className="text-sm text-slate-700">{t('prorated', { date: fmt.date(review.periodEnd) })}</p>
        ) : (
          <p className="text-sm text-slate-700">{review.trialing ? t('nothingNowTrial') : review.changesNow && review.currentInterval === 'monthly' ? t('nothingNowMonthly') : t('nothingNow')}</p>
        )}
      </AmountBlock>

      <AmountBlock title={t('renewalTitle')} amount={review.nextRenewal}>
        <p className="text-sm text-slate-700">
          {review.nextRenewalAt ? t('renewalOn', { date: fmt.date(review.nextRenewalAt), terms: terms(review.renewalTerms) }) : t('renewalNoDate', { terms: terms(review.renewalTerms) })}
        </p>
      </AmountBlock>

      {(review.lostFeatures.length > 0 || review.seatsFrom !== null || review.toMonthly) && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">{t('lossTitle')}</h3>
          {review.lostFeatures.length > 0 && (
            <>
              <p className="text-sm text-slate-700">{t('lostFeatures')}</p>
              <ul className="list-disc pl-5 text-sm text-slate-800">
                {review.lostFeatures.map((feature) => (
                  <li key={feature}>{feature}</li>
                ))}
              </ul>
            </>
          )}
          {review.seatsFrom !== null && <p className="text-sm text-slate-700">{t('lostSeats', { from: review.seatsFrom, to: review.seatsTo })}</p>}
          {review.toMonthly && <p className="text-sm text-slate-700">{t('toMonthly')}</p>}
          {!review.trialing && <p className="text-sm text-slate-700">{t('noRefund')}</p>}
        </div>
      )}

      {blocked ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <h3 className="font-semibold">{t('tooManyTitle')}</h3>
          <p>{t('tooMany', { over: review.overBy, seats: review.seatsTo })}</p>
          {review.removable.length > 0 && (
            <>
              <p>{t('tooManyPeople')}</p>
              <ul className="list-disc pl-5">
                {review.removable.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </>
          )}
          {review.openInvitations > 0 && <p>{t('openInvitations', { count: review.openInvitations })}</p>}
          <p>
            <Link href="/account/users">{t('manageUsers')}</Link>
          </p>
        </div>
      ) : (
        <form action={confirm} className="space-y-3">
          <input type="hidden" name="plan" value={review.input.plan} />
          <input type="hidden" name="seats" value={review.input.seats} />
          <input type="hidden" name="interval" value={review.input.interval} />
          <input type="hidden" name="quotedAt" value={review.quotedAt} />
          <SubmitButton pending={confirming}>{t('confirm')}</SubmitButton>
          {confirmState.status === 'error' && <FormMessage state={confirmState} />}
        </form>
      )}
    </section>
  );
}

function AmountBlock({ title, amount, children }: { title: string; amount: AmountView | null; children: React.ReactNode }) {
  const t = useTranslations('plans.page');
  const fmt = useFormatters();
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {children}
      {amount && (
        <dl className="grid max-w-sm grid-cols-2 gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t('netAmount')}</dt>
          <dd className="text-right tabular-nums">{fmt.money(amount.netCents)}</dd>
          <dt className="text-slate-600">
            {t('vat')} ({t('vatLine', { treatment: t(`treatment.${TREATMENT_KEY[amount.treatment]}`, { country: amount.country }), rate: amount.rate })})
          </dt>
          <dd className="text-right tabular-nums">{fmt.money(amount.vatCents)}</dd>
          <dt className="font-semibold text-slate-900">{t('total')}</dt>
          <dd className="text-right font-semibold tabular-nums">{fmt.money(amount.grossCents)}</dd>
        </dl>
      )}
    </section>
  );
}

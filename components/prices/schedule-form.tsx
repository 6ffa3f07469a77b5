'use client';
// PLAN-5: staff schedule a new per-seat price (monthly and yearly, in euros) for a paid plan.
import { useTranslations } from 'next-intl';
import { FormMessage, SelectField, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { schedulePriceChangeSchema } from '@/lib/prices/schemas';

export function SchedulePriceChangeForm({
  action,
  plans,
  earliest,
  earliestLabel,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  plans: { value: string; label: string }[];
  /** The earliest allowed effective date today, YYYY-MM-DD (the date input's minimum). */
  earliest: string;
  /** The same date as people read it. */
  earliestLabel: string;
}) {
  const t = useTranslations('prices.staff.form');
  const f = useServerForm(schedulePriceChangeSchema, action, { planId: '', newMonthly: '', newYearly: '', effectiveDate: '' }, { resetOnSuccess: true });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField f={f} name="planId" label={t('plan')} options={plans} placeholder={t('choosePlan')} />
        <TextField f={f} name="effectiveDate" label={t('effectiveDate')} type="date" min={earliest} hint={t('effectiveDateHint', { earliest: earliestLabel })} />
        <TextField f={f} name="newMonthly" label={t('newMonthly')} inputMode="decimal" autoComplete="off" hint={t('newMonthlyHint')} />
        <TextField f={f} name="newYearly" label={t('newYearly')} inputMode="decimal" autoComplete="off" hint={t('newYearlyHint')} />
      </div>
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}

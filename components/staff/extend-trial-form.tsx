'use client';
// PAY-2: staff give a trial more days. The reason goes to the audit log with the extension.
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { MAX_TRIAL_EXTENSION_DAYS } from '@/lib/billing/periods';
import { extendTrialSchema } from '@/lib/staff/schemas';

export function ExtendTrialForm({ accountId, action }: { accountId: string; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('staff.billing.extendTrial');
  const f = useServerForm(extendTrialSchema, action, { accountId, days: '', reason: '' });
  const { reset } = f.form;
  useEffect(() => {
    // Clear the fields after a successful extension so a second one is a deliberate new entry.
    if (f.state.status === 'ok') reset({ accountId, days: '', reason: '' });
  }, [f.state, reset, accountId]);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <TextField
        f={f}
        name="days"
        label={t('days')}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_TRIAL_EXTENSION_DAYS}
        step={1}
        hint={t('daysHint', { max: MAX_TRIAL_EXTENSION_DAYS })}
      />
      <TextField f={f} name="reason" label={t('reason')} hint={t('reasonHint')} maxLength={500} autoComplete="off" />
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}

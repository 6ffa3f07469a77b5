'use client';
// INV-7: staff add prepaid credit agreed with the customer: amount, the agreement's reference, the day agreed.
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { addCreditSchema } from '@/lib/credit/schemas';

export function AddCreditForm({ accountId, action }: { accountId: string; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('credit.staff');
  const empty = { accountId, amount: '', reference: '', agreedOn: '' };
  const f = useServerForm(addCreditSchema, action, empty);
  const { reset } = f.form;
  useEffect(() => {
    // A second entry is a deliberate new one: clear the fields once the credit is booked.
    if (f.state.status === 'ok') reset({ accountId, amount: '', reference: '', agreedOn: '' });
  }, [f.state, reset, accountId]);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <TextField f={f} name="amount" label={t('amount')} inputMode="decimal" autoComplete="off" />
      <TextField f={f} name="reference" label={t('reference')} hint={t('referenceHint')} maxLength={100} autoComplete="off" />
      <TextField f={f} name="agreedOn" label={t('agreedOn')} type="date" />
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}

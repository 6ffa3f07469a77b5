'use client';
// CAN-2: staff record a cancellation that arrived by email, with the time it arrived.
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { recordCancellationSchema } from '@/lib/cancellation/schemas';

export function RecordCancellationForm({ action }: { action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('cancellations.form');
  const f = useServerForm(recordCancellationSchema, action, { account: '', receivedAt: '', requesterEmail: '' }, { resetOnSuccess: true });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField f={f} name="account" label={t('account')} autoComplete="off" hint={t('accountHint')} maxLength={200} />
        <TextField f={f} name="receivedAt" label={t('receivedAt')} type="datetime-local" hint={t('receivedAtHint')} />
        <TextField f={f} name="requesterEmail" label={t('requesterEmail')} type="email" autoComplete="off" hint={t('requesterEmailHint')} />
      </div>
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}

'use client';
// CUS-1: an owner or admin asks for a custom service. The form empties after a request is sent.
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { FormMessage, SubmitButton, TextAreaField, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { requestSchema } from '@/lib/custom-services/schemas';

export function RequestServiceForm({ action }: { action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('customServices.portal.form');
  const f = useServerForm(requestSchema, action, { need: '', wantedBy: '', budget: '' });
  const { reset } = f.form;
  useEffect(() => {
    if (f.state.status === 'ok') reset({ need: '', wantedBy: '', budget: '' });
  }, [f.state, reset]);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <TextAreaField f={f} name="need" label={t('need')} rows={6} maxLength={5000} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField f={f} name="wantedBy" label={t('wantedBy')} type="date" hint={t('optional')} />
        <TextField f={f} name="budget" label={t('budget')} inputMode="decimal" hint={t('optional')} autoComplete="off" />
      </div>
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}

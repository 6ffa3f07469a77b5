'use client';
// INV-6: the owner asks for the latest invoice to be reissued with the current billing details.
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { FormMessage, SubmitButton, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { requestCorrectionSchema } from '@/lib/invoices/correction-schema';

export function CorrectionForm({ action, invoiceId }: { action: (prev: FormState, fd: FormData) => Promise<FormState>; invoiceId: string }) {
  const t = useTranslations('account.invoices');
  const f = useServerForm(requestCorrectionSchema, action, { invoiceId });
  const { setValue } = f.form;
  // After a correction the page shows the replacement as the latest invoice; the form follows it.
  useEffect(() => setValue('invoiceId', invoiceId), [invoiceId, setValue]);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-3">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('invoiceId')} />
      <SubmitButton pending={f.pending}>{t('requestCorrection')}</SubmitButton>
    </form>
  );
}

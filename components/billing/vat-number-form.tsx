'use client';
// INV-4: the VAT number, checked for format and checksum on the server. It only affects invoices
// issued after it is saved — the form says so before the owner saves it.
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { vatNumberSchema } from '@/lib/billing/schemas';

export function VatNumberForm({ action, initial, savedAt }: { action: (prev: FormState, fd: FormData) => Promise<FormState>; initial: string; savedAt?: string }) {
  const t = useTranslations('billing.vatForm');
  const f = useServerForm(vatNumberSchema, action, { vatNumber: initial });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <TextField
        f={f}
        name="vatNumber"
        label={t('label')}
        placeholder={t('placeholder')}
        autoCapitalize="characters"
        spellCheck={false}
        hint={savedAt ? `${t('hint')} ${t('savedOn', { date: savedAt })}` : t('hint')}
      />
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}

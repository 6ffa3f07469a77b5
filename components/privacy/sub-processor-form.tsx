'use client';
// GDPR-1: add or edit one sub-processor. The purpose is written in both languages of the privacy
// page; the country comes from the same ISO list as billing details.
import { useTranslations } from 'next-intl';
import { FormMessage, SelectField, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { editSubProcessorSchema, subProcessorSchema } from '@/lib/privacy/sub-processor-schemas';

export interface SubProcessorFormValues {
  subProcessorId?: string;
  name: string;
  purposeEn: string;
  purposeNl: string;
  country: string;
  website: string;
  sortOrder: string;
}

export function SubProcessorForm({
  values,
  countries,
  action,
}: {
  values: SubProcessorFormValues;
  countries: { code: string; name: string }[];
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('privacy.subProcessors.form');
  const editing = !!values.subProcessorId;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  // A new entry was saved: the form empties for the next one (the message stays above it).
  const f = useServerForm((editing ? editSubProcessorSchema : subProcessorSchema) as any, action, values as any, { resetOnSuccess: !editing });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      {editing && <input type="hidden" {...f.form.register('subProcessorId')} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField f={f} name="name" label={t('name')} autoComplete="off" maxLength={120} />
        <SelectField f={f} name="country" label={t('country')} placeholder={t('chooseCountry')} options={countries.map((c) => ({ value: c.code, label: c.name }))} />
        <TextField f={f} name="purposeEn" label={t('purposeEn')} autoComplete="off" maxLength={300} lang="en" />
        <TextField f={f} name="purposeNl" label={t('purposeNl')} autoComplete="off" maxLength={300} lang="nl" />
        <TextField f={f} name="website" label={t('website')} type="url" inputMode="url" autoComplete="off" hint={t('websiteHint')} />
        <TextField f={f} name="sortOrder" label={t('sortOrder')} type="number" min={0} max={999} step={1} hint={t('sortOrderHint')} />
      </div>
      <SubmitButton pending={f.pending}>{editing ? t('save') : t('add')}</SubmitButton>
    </form>
  );
}

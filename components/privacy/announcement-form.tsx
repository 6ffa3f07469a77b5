'use client';
// GDPR-10: staff write an announcement in English and Dutch; saving leads to its preview.
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Field, FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import { inputClass } from '@/components/ui/styles';
import type { FormState } from '@/lib/actions';
import { announcementSchema } from '@/lib/privacy/schemas';

export function AnnouncementForm({ action }: { action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('consents.announcements');
  const f = useServerForm(announcementSchema, action, { subjectEn: '', bodyEn: '', subjectNl: '', bodyNl: '' });
  const id = useId();
  const body = (name: 'bodyEn' | 'bodyNl') => (
    <Field id={`${id}-${name}`} label={t(name)} error={f.errorFor(name)} hint={t('bodyHint')}>
      {(a11y) => <textarea {...a11y} {...f.form.register(name)} rows={8} className={inputClass} />}
    </Field>
  );
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4" lang="en">
          <TextField f={f} name="subjectEn" label={t('subjectEn')} autoComplete="off" maxLength={150} />
          {body('bodyEn')}
        </div>
        <div className="space-y-4" lang="nl">
          <TextField f={f} name="subjectNl" label={t('subjectNl')} autoComplete="off" maxLength={150} />
          {body('bodyNl')}
        </div>
      </div>
      <SubmitButton pending={f.pending}>{t('create')}</SubmitButton>
    </form>
  );
}

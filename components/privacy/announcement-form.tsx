'use client';
// GDPR-10: staff write an announcement in English and Dutch; saving leads to its preview.
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton, TextAreaField, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { announcementSchema } from '@/lib/privacy/schemas';

export function AnnouncementForm({ action }: { action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('consents.announcements');
  const f = useServerForm(announcementSchema, action, { subjectEn: '', bodyEn: '', subjectNl: '', bodyNl: '' });
  const body = (name: 'bodyEn' | 'bodyNl') => <TextAreaField f={f} name={name} label={t(name)} hint={t('bodyHint')} rows={8} />;
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

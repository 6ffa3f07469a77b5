'use client';
// ACC-6: staff write a terms version in English and Dutch (Markdown), preview it as readers will
// see it, and publish it — in force at once.
import { useState, useTransition, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton, TextAreaField, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { publishTermsSchema } from '@/lib/terms/schemas';

export function PublishTermsForm({
  action,
  preview,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  preview: (input: { bodyEn: string; bodyNl: string }) => Promise<{ en: ReactNode; nl: ReactNode } | { error: string }>;
}) {
  const t = useTranslations('terms.staff.form');
  const f = useServerForm(publishTermsSchema, action, { version: '', bodyEn: '', bodyNl: '' }, { resetOnSuccess: true });
  const [shown, setShown] = useState<{ en: ReactNode; nl: ReactNode } | { error: string } | 'empty' | null>(null);
  const [previewing, startPreview] = useTransition();
  const showPreview = () =>
    startPreview(async () => {
      const bodyEn = String(f.form.getValues('bodyEn') ?? '');
      const bodyNl = String(f.form.getValues('bodyNl') ?? '');
      setShown(bodyEn.trim() && bodyNl.trim() ? await preview({ bodyEn, bodyNl }) : 'empty');
    });
  return (
    <div className="space-y-6">
      <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
        <FormMessage state={f.state} />
        <TextField f={f} name="version" label={t('version')} hint={t('versionHint')} autoComplete="off" maxLength={40} />
        <TextAreaField f={f} name="bodyEn" label={t('bodyEn')} hint={t('bodyHint')} rows={12} />
        <TextAreaField f={f} name="bodyNl" label={t('bodyNl')} rows={12} />
        <p className="text-sm text-slate-600">{t('publishWarning')}</p>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            onClick={showPreview}
            disabled={previewing}
            aria-busy={previewing}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
          >
            {t('preview')}
          </button>
          <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
        </div>
      </form>
      {shown && (
        <section aria-labelledby="terms-preview" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <h2 id="terms-preview" className="text-lg font-semibold text-slate-900">
            {t('previewTitle')}
          </h2>
          {shown === 'empty' ? (
            <p className="mt-2 text-sm text-slate-600">{t('previewEmpty')}</p>
          ) : 'error' in shown ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {shown.error}
            </p>
          ) : (
            <div className="mt-2 grid gap-6 lg:grid-cols-2">
              <div>
                <h3 className="text-sm font-semibold uppercase text-slate-500">{t('previewEn')}</h3>
                {shown.en}
              </div>
              <div>
                <h3 className="text-sm font-semibold uppercase text-slate-500">{t('previewNl')}</h3>
                {shown.nl}
              </div>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

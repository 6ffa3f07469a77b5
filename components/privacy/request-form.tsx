'use client';
// GDPR-3: the public privacy-request form (the public-form kit: bot-checked, rate limited). The
// consent-withdrawal fields appear when that type is chosen; the server requires them only then.
import { useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';
import { BotCheckedSubmit, useBotCheckedSubmit } from '@/components/bot-check';
import { Field, FormMessage, TextAreaField, TextField, useServerForm } from '@/components/ui/form';
import { inputClass } from '@/components/ui/styles';
import type { FormState } from '@/lib/actions';
import { REQUEST_TYPES } from '@/lib/privacy/request-types';
import type { privacyRequestSchema } from '@/lib/privacy/request-schemas';

// Loaded when the form is first used: zod stays out of the page's first load (components/ui/form.tsx).
const loadSchema = (): Promise<typeof privacyRequestSchema> => import('@/lib/privacy/request-schemas').then((m) => m.privacyRequestSchema);

type Action = (prev: FormState<undefined>, fd: FormData) => Promise<FormState<undefined>>;

/** The whole card: its heading is the form's, replaced by "Check your email" once sent. */
export function PrivacyRequestForm({
  action,
  controller,
  fullName = '',
  email = '',
  intro,
}: {
  action: Action;
  controller: string;
  fullName?: string;
  email?: string;
  intro: ReactNode;
}) {
  const t = useTranslations('gdpr.public');
  const tType = useTranslations('gdpr.types');
  const f = useServerForm(loadSchema, action, {
    type: '' as never,
    fullName,
    email,
    details: '',
    company: '',
    consentSubject: '',
    controller,
    writtenRequest: '',
    signature: '',
    signatureConfirmed: false,
    botCheck: '',
  });
  const kit = useBotCheckedSubmit(f);
  const id = useId();
  const type = f.form.watch('type');
  const { register } = f.form;

  if (f.state.status === 'ok') {
    return (
      <div role="status">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('checkEmail.title')}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">{t('checkEmail.body')}</p>
        <p className="mt-3 text-sm text-slate-600">{t('checkEmail.nothingArrived')}</p>
      </div>
    );
  }

  const confirmId = `${id}-signatureConfirmed`;
  const confirmError = f.errorFor('signatureConfirmed');
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
      {intro}
      <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate className="mt-6 space-y-4">
        <Field id={`${id}-type`} label={t('type')} error={f.errorFor('type')}>
          {(a11y) => (
            <select {...a11y} {...register('type')} className={inputClass}>
              <option value="">{t('chooseType')}</option>
              {REQUEST_TYPES.map((rt) => (
                <option key={rt} value={rt}>
                  {tType(rt)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField f={f} name="fullName" label={t('fullName')} autoComplete="name" />
        <TextField f={f} name="email" label={t('email')} type="email" autoComplete="email" />
        <TextAreaField f={f} name="details" label={t('details')} hint={t('detailsHint')} rows={4} />
        {type === 'consent_withdrawal' && (
          <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold text-slate-900">{t('withdrawalTitle')}</legend>
            <p className="text-sm text-slate-600">{t('withdrawalIntro')}</p>
            <TextField f={f} name="company" label={t('company')} hint={t('companyHint')} autoComplete="organization" />
            <TextField f={f} name="consentSubject" label={t('consentSubject')} hint={t('consentSubjectHint')} />
            <TextField f={f} name="controller" label={t('controller')} />
            <TextAreaField f={f} name="writtenRequest" label={t('writtenRequest')} rows={5} />
            <p id={`${id}-signature-note`} className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
              {t('signatureNote')}
            </p>
            <TextField f={f} name="signature" label={t('signature')} autoComplete="name" />
            <div className="space-y-1">
              <div className="flex items-start gap-2">
                <input
                  id={confirmId}
                  type="checkbox"
                  {...register('signatureConfirmed')}
                  aria-invalid={!!confirmError}
                  aria-describedby={[`${id}-signature-note`, confirmError ? `${confirmId}-error` : null].filter(Boolean).join(' ')}
                  className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-700 focus:ring-brand-600"
                />
                <label htmlFor={confirmId} className="text-sm text-slate-700">
                  {t('signatureConfirmed')}
                </label>
              </div>
              {confirmError && (
                <p id={`${confirmId}-error`} className="text-sm text-red-700">
                  {confirmError}
                </p>
              )}
            </div>
          </fieldset>
        )}
        <FormMessage state={f.state} />
        <BotCheckedSubmit kit={kit}>{t('submit')}</BotCheckedSubmit>
      </form>
    </>
  );
}

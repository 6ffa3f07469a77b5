'use client';
// ACC-1..5, ACC-9: the signup form. The account address is proposed from the company name until
// the person edits it; the public-form kit solves the bot check in the background. The deal
// redemption page (APS-2) is the same form with a different schema and action and the "Code"
// field first: it passes them in, so both stay one form.
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useId, useRef, type ReactNode } from 'react';
import { BotCheckedSubmit, useBotCheckedSubmit } from '@/components/bot-check';
import { Field, FormMessage, TextField, useServerForm, type SchemaSource } from '@/components/ui/form';
import { inputClass } from '@/components/ui/styles';
import type { FormState } from '@/lib/actions';
import type { signupSchema } from '@/lib/accounts/schemas';
import { proposeSlug, SLUG_MAX, SLUG_MIN } from '@/lib/accounts/slug';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rule';
import { ResendForm } from '@/app/(public)/verify-email/resend-form';
import { ConsentChoices } from '@/components/privacy/consent-choices';

type SignupAction = (prev: FormState<{ email: string }>, fd: FormData) => Promise<FormState<{ email: string }>>;

export interface SignupFormVariant {
  /**
   * A schema that extends the signup schema (the browser check runs it), or, to keep zod out of
   * the page's first load, a function that imports it (components/ui/form.tsx).
   */
  schema: SchemaSource<typeof signupSchema>;
  action: SignupAction;
  /** Defaults of the extra fields. */
  defaults?: Record<string, string>;
  title: string;
  intro: ReactNode;
  submitLabel: string;
  /** Fields shown before the signup fields (e.g. the deal code). */
  leadingFields?: (f: ReturnType<typeof useServerForm>) => ReactNode;
}

export function SignupForm({ domain, variant }: { domain: string; variant: SignupFormVariant }) {
  const t = useTranslations('public.signup');
  const f = useServerForm(variant.schema, variant.action, {
    fullName: '',
    email: '',
    password: '',
    companyName: '',
    slug: '',
    dateOfBirth: '',
    acceptTerms: false,
    consentMarketing: false,
    consentCustomerService: false,
    botCheck: '',
    ...variant.defaults,
  });
  const kit = useBotCheckedSubmit(f);
  const slugEdited = useRef(false);
  const { setValue, register, getValues } = f.form;
  const id = useId();

  if (f.state.status === 'ok') {
    const email = (f.state.data as { email?: string } | undefined)?.email ?? getValues('email');
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('checkEmail.title')}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">
          {t.rich('checkEmail.body', { email, strong: (chunks) => <strong className="font-medium text-slate-900">{chunks}</strong> })}
        </p>
        <p className="mt-3 text-sm text-slate-600">{t('checkEmail.nothingArrived')}</p>
        <div className="mt-5">
          <ResendForm email={email} />
        </div>
      </div>
    );
  }

  const companyReg = register('companyName', {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      if (!slugEdited.current) setValue('slug', proposeSlug(e.target.value), { shouldValidate: f.form.formState.isSubmitted });
    },
  });
  const slugReg = register('slug', {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      // Editing the address stops the proposal; emptying it brings the proposal back.
      slugEdited.current = e.target.value.trim() !== '';
    },
  });
  // ACC-3: a complete date is checked as soon as it is entered (typing or picking), not on blur.
  const dateReg = register('dateOfBirth', {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      if (e.target.value) void f.form.trigger('dateOfBirth');
    },
  });
  const termsId = `${id}-terms`;
  const termsError = f.errorFor('acceptTerms');

  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{variant.title}</h1>
      <p className="mt-1 text-sm text-slate-600">{variant.intro}</p>
      <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate className="mt-6 space-y-4">
        {/* eslint-disable-next-line @typescript-eslint/no-explicit-any */}
        {variant.leadingFields?.(f as any)}
        <TextField f={f} name="fullName" label={t('fullName')} autoComplete="name" hint={t('fullNameHint')} />
        <TextField f={f} name="email" label={t('email')} type="email" autoComplete="email" />
        <TextField f={f} name="password" label={t('password')} type="password" autoComplete="new-password" hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })} />
        <Field id={`${id}-companyName`} label={t('companyName')} error={f.errorFor('companyName')}>
          {(a11y) => <input {...a11y} {...companyReg} type="text" autoComplete="organization" className={inputClass} />}
        </Field>
        <Field
          id={`${id}-slug`}
          label={t('slug')}
          error={f.errorFor('slug')}
          hint={t('slugHint', { min: SLUG_MIN, max: SLUG_MAX })}
        >
          {(a11y) => (
            <div className="flex rounded-md shadow-sm">
              <input
                {...a11y}
                {...slugReg}
                type="text"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                className={`${inputClass} min-w-0 rounded-r-none shadow-none`}
              />
              <span className="inline-flex shrink-0 items-center rounded-r-md border border-l-0 border-slate-300 bg-slate-50 px-3 text-sm text-slate-600">
                .{domain}
              </span>
            </div>
          )}
        </Field>
        <Field
          id={`${id}-dateOfBirth`}
          label={t('dateOfBirth')}
          error={f.errorFor('dateOfBirth')}
          hint={t('dateOfBirthHint')}
        >
          {(a11y) => <input {...a11y} {...dateReg} type="date" autoComplete="bday" className={inputClass} />}
        </Field>
        <div className="space-y-1">
          <div className="flex items-start gap-2">
            <input
              id={termsId}
              type="checkbox"
              {...register('acceptTerms')}
              aria-invalid={!!termsError}
              aria-describedby={termsError ? `${termsId}-error` : undefined}
              className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-700 focus:ring-brand-600"
            />
            <div className="text-sm text-slate-700">
              <label htmlFor={termsId}>{t('acceptTerms')}</label>{' '}
              <span className="text-slate-500">
                (<Link href="/terms" target="_blank">{t('readTerms')}</Link>)
              </span>
            </div>
          </div>
          {termsError && (
            <p id={`${termsId}-error`} className="text-sm text-red-700">
              {termsError}
            </p>
          )}
        </div>
        <ConsentChoices register={register} idPrefix={id} />
        <FormMessage state={f.state} />
        <BotCheckedSubmit kit={kit}>{variant.submitLabel}</BotCheckedSubmit>
      </form>
    </div>
  );
}

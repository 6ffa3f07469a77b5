'use client';
// ACC-1..5, ACC-9: the signup form. The account address is proposed from the company name until
// the person edits it; the public-form kit solves the bot check in the background.
import Link from 'next/link';
import { useId, useRef } from 'react';
import { BotCheckedSubmit, useBotCheckedSubmit } from '@/components/bot-check';
import { Field, FormMessage, inputClass, TextField, useServerForm } from '@/components/ui/form';
import { signupSchema } from '@/lib/accounts/schemas';
import { proposeSlug } from '@/lib/accounts/slug';
import { ResendForm } from '../verify-email/resend-form';
import { signupAction } from './actions';

export function SignupForm({ domain }: { domain: string }) {
  const f = useServerForm(signupSchema, signupAction, {
    fullName: '',
    email: '',
    password: '',
    companyName: '',
    slug: '',
    dateOfBirth: '',
    acceptTerms: false,
    botCheck: '',
  });
  const kit = useBotCheckedSubmit(f);
  const slugEdited = useRef(false);
  const { setValue, register, getValues } = f.form;
  const id = useId();

  if (f.state.status === 'ok') {
    const email = (f.state.data as { email?: string } | undefined)?.email ?? getValues('email');
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Check your email</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">
          We sent a confirmation link to <strong className="font-medium text-slate-900">{email}</strong>. Open it to confirm
          your address and activate your account. The link is valid for 7 days; a signup that is not confirmed by then is
          removed.
        </p>
        <p className="mt-3 text-sm text-slate-600">Nothing arrived after a few minutes? Check your spam folder, or ask for a new link.</p>
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
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Create your account</h1>
      <p className="mt-1 text-sm text-slate-600">
        Start your free trial. Already have an account? <Link href="/login">Sign in</Link>
      </p>
      <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate className="mt-6 space-y-4">
        <TextField f={f} name="fullName" label="Full name" autoComplete="name" hint="Your legal name, as the account owner." />
        <TextField f={f} name="email" label="Email" type="email" autoComplete="email" />
        <TextField f={f} name="password" label="Password" type="password" autoComplete="new-password" hint="At least 12 characters." />
        <Field id={`${id}-companyName`} label="Company name" error={f.errorFor('companyName')}>
          {(a11y) => <input {...a11y} {...companyReg} type="text" autoComplete="organization" className={inputClass} />}
        </Field>
        <Field
          id={`${id}-slug`}
          label="Account address"
          error={f.errorFor('slug')}
          hint="Lower-case letters, digits and dashes; 3 to 40 characters. You can change the proposal."
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
          label="Date of birth"
          error={f.errorFor('dateOfBirth')}
          hint="You must be 18 or older. We store only that you confirmed this, not the date."
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
              <label htmlFor={termsId}>I accept the terms of service</label>{' '}
              <span className="text-slate-500">
                (<Link href="/terms" target="_blank">read the terms</Link>)
              </span>
            </div>
          </div>
          {termsError && (
            <p id={`${termsId}-error`} className="text-sm text-red-700">
              {termsError}
            </p>
          )}
        </div>
        <FormMessage state={f.state} />
        <BotCheckedSubmit kit={kit}>Create account</BotCheckedSubmit>
      </form>
    </div>
  );
}

'use client';
// ACC-1..5, ACC-9: the signup form. The account address is proposed from the company name until
// the person edits it; the bot check solves in the background and the submit waits for it.
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { BotCheck, useBotCheck } from '@/components/bot-check';
import { Field, FormMessage, inputClass, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
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
  const bot = useBotCheck();
  const [waiting, setWaiting] = useState(false);
  const slugEdited = useRef(false);
  const { setValue, register, getValues } = f.form;
  const id = useId();

  useEffect(() => {
    setValue('botCheck', bot.token);
  }, [bot.token, setValue]);
  // A solved challenge is accepted once: after every answer from the server, solve a new one.
  const { reset } = bot;
  useEffect(() => {
    if (f.state.status === 'error') reset();
  }, [f.state, reset]);
  useEffect(() => {
    if (waiting && bot.token) {
      setWaiting(false);
      f.formRef.current?.requestSubmit();
    }
  }, [waiting, bot.token, f.formRef]);

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

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    if (!bot.token) {
      // Validate first so the person sees field errors at once, then wait for the bot check.
      e.preventDefault();
      void f.form.trigger(['fullName', 'email', 'password', 'companyName', 'slug', 'dateOfBirth', 'acceptTerms']).then((valid) => {
        if (!valid) return;
        setWaiting(true);
        bot.ensure().catch(() => setWaiting(false));
      });
      return;
    }
    f.onSubmit(e);
  };

  const companyReg = register('companyName', {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      if (!slugEdited.current) setValue('slug', proposeSlug(e.target.value), { shouldValidate: !!f.form.formState.touchedFields.slug });
    },
  });
  const slugReg = register('slug', {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      // Editing the address stops the proposal; emptying it brings the proposal back.
      slugEdited.current = e.target.value.trim() !== '';
    },
  });
  const termsId = `${id}-terms`;
  const termsError = f.errorFor('acceptTerms');
  const botError = f.errorFor('botCheck');

  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Create your account</h1>
      <p className="mt-1 text-sm text-slate-600">
        Start your free trial. Already have an account? <Link href="/login">Sign in</Link>
      </p>
      <form ref={f.formRef} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
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
        <TextField
          f={f}
          name="dateOfBirth"
          label="Date of birth"
          type="date"
          autoComplete="bday"
          hint="You must be 18 or older. We store only that you confirmed this, not the date."
        />
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
        <div className="space-y-1">
          <BotCheck bot={bot} />
          {botError && <p className="text-sm text-red-700">{botError}</p>}
        </div>
        <FormMessage state={f.state} />
        <SubmitButton pending={f.pending || waiting}>Create account</SubmitButton>
      </form>
    </div>
  );
}

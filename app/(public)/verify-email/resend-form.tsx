'use client';
// ACC-2: asks for a new confirmation link. With `email` given (right after signup, or from the
// sign-in form) the address is sent along hidden; otherwise the person types it.
import { useEffect, useState } from 'react';
import { BotCheck, useBotCheck } from '@/components/bot-check';
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import { resendSchema } from '@/lib/accounts/schemas';
import { resendVerificationAction } from './actions';

export function ResendForm({ email, label = 'Send the link again' }: { email?: string; label?: string }) {
  const f = useServerForm(resendSchema, resendVerificationAction, { email: email ?? '', botCheck: '' });
  const bot = useBotCheck();
  const [waiting, setWaiting] = useState(false);
  const { setValue } = f.form;

  useEffect(() => {
    setValue('botCheck', bot.token);
  }, [bot.token, setValue]);
  // A solution is accepted once: after every answer, solve a new challenge.
  const { reset } = bot;
  useEffect(() => {
    if (f.state.status !== 'idle') reset();
  }, [f.state, reset]);
  useEffect(() => {
    if (waiting && bot.token) {
      setWaiting(false);
      f.formRef.current?.requestSubmit();
    }
  }, [waiting, bot.token, f.formRef]);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    if (!bot.token) {
      e.preventDefault();
      setWaiting(true);
      void bot.ensure().catch(() => setWaiting(false));
      return;
    }
    f.onSubmit(e);
  };

  return (
    <form ref={f.formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      {email ? (
        <input type="hidden" {...f.form.register('email')} />
      ) : (
        <TextField f={f} name="email" label="Email" type="email" autoComplete="email" />
      )}
      <FormMessage state={f.state} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={f.pending || waiting}>{label}</SubmitButton>
        <BotCheck bot={bot} />
      </div>
    </form>
  );
}

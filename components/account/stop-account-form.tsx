'use client';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { stopAccountSchema } from '@/lib/cancellation/schemas';

export function StopAccountForm({ action, address }: { action: (prev: FormState, fd: FormData) => Promise<FormState>; address: string }) {
  const t = useTranslations('account.stop');
  const f = useServerForm(stopAccountSchema, action, { confirmation: '' });
  const done = f.state.status === 'ok';
  useEffect(() => {
    // The account's sessions are already ended on the server; clear this browser's cookie too.
    if (done) void signOut({ callbackUrl: '/account-stopped' });
  }, [done]);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <TextField
        f={f}
        name="confirmation"
        label={t('confirmationLabel')}
        hint={t.rich('confirmationHint', { address, mono: (chunks) => <strong className="font-mono text-slate-700">{chunks}</strong> })}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
      />
      <SubmitButton pending={f.pending || done} variant="danger">
        {t('submit')}
      </SubmitButton>
    </form>
  );
}

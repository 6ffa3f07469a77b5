'use client';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { FormMessage, SubmitButton, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { signOutEverywhereSchema } from '@/lib/auth/sign-out-everywhere-schema';

export function SignOutEverywhereForm({ action }: { action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('account.security');
  const f = useServerForm(signOutEverywhereSchema, action);
  const done = f.state.status === 'ok';
  useEffect(() => {
    // Every session, this one included, has ended on the server; clear this browser's cookie too.
    if (done) void signOut({ callbackUrl: '/login' });
  }, [done]);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-3">
      <FormMessage state={f.state} />
      <SubmitButton pending={f.pending || done} variant="danger">
        {t('signOutEverywhere')}
      </SubmitButton>
    </form>
  );
}

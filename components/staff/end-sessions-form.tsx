'use client';
// ACC-9: staff end every session of one user. The first click asks for confirmation; the user
// is signed out on every device at once and the account's audit log records who did it.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { FormMessage, SubmitButton, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { endUserSessionsSchema } from '@/lib/auth/sign-out-everywhere-schema';

export function EndSessionsForm({
  accountId,
  userId,
  userName,
  action,
}: {
  accountId: string;
  userId: string;
  userName: string;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('staff.endSessions');
  const f = useServerForm(endUserSessionsSchema, action, { accountId, userId });
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (f.state.status !== 'idle') setConfirming(false);
  }, [f.state]);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-2">
      <input type="hidden" {...f.form.register('accountId')} />
      <input type="hidden" {...f.form.register('userId')} />
      <FormMessage state={f.state} />
      {confirming ? (
        <div role="group" aria-label={t('confirmLabel', { name: userName })} className="space-y-2">
          <p className="text-sm text-slate-700">{t('confirmText', { name: userName })}</p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={f.pending} variant="danger">
              {t('confirm')}
            </SubmitButton>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="whitespace-nowrap rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
        >
          {t('start')}
        </button>
      )}
    </form>
  );
}

'use client';
// ACC-9: staff end every session of one user. The first click asks for confirmation; the user
// is signed out on every device at once and the account's audit log records who did it.
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
        <div role="group" aria-label={`Confirm ending the sessions of ${userName}`} className="space-y-2">
          <p className="text-sm text-slate-700">{userName} will be signed out on every device at once.</p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={f.pending} variant="danger">
              Yes, end all sessions
            </SubmitButton>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="whitespace-nowrap rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
        >
          End all sessions
        </button>
      )}
    </form>
  );
}

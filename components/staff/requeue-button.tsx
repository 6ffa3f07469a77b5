'use client';
// "Send again" for a failed or held email (OPS-3). Stays mounted after a successful requeue so
// the confirmation remains visible when the page re-renders without the button.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';

export function RequeueButton({
  id,
  allowed,
  action,
}: {
  id: string;
  allowed: boolean;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('staff.outboxEmail');
  const [state, dispatch, pending] = useActionState<FormState, FormData>(action, { status: 'idle' });
  if (!allowed && state.status === 'idle') return null;
  return (
    <form action={dispatch} className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      {allowed && <SubmitButton pending={pending}>{t('sendAgain')}</SubmitButton>}
    </form>
  );
}

'use client';
// PAY-8: collect the open invoice now. Stays mounted after the debt is paid so the result
// remains visible when the page re-renders without the button.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';

export function RetryChargeButton({
  accountId,
  allowed,
  action,
}: {
  accountId: string;
  allowed: boolean;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('staff.billing.openDebt');
  const [state, dispatch, pending] = useActionState<FormState, FormData>(action, { status: 'idle' });
  if (!allowed && state.status === 'idle') return null;
  return (
    <form action={dispatch} className="mt-4 space-y-3">
      <input type="hidden" name="accountId" value={accountId} />
      <FormMessage state={state} />
      {allowed && <SubmitButton pending={pending}>{t('retry')}</SubmitButton>}
    </form>
  );
}

'use client';
// APS-1: revoke one unused code. The answer stays visible after the row changes state.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';

export function RevokeCodeButton({ dealId, codeId, code, action }: { dealId: string; codeId: string; code: string; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('deals.staff.codes');
  const [state, dispatch, pending] = useActionState<FormState, FormData>(action, { status: 'idle' });
  if (state.status === 'ok') return <FormMessage state={state} />;
  return (
    <form action={dispatch} className="space-y-2">
      <input type="hidden" name="dealId" value={dealId} />
      <input type="hidden" name="codeId" value={codeId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t('revokeLabel', { code })}
        className="rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {t('revoke')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

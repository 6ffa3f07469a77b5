'use client';
// PLAN-6: the owner creates or replaces the account's usage API token. The new token is in this
// form's state only: shown this once, gone after the page is left or reloaded.
import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { FormMessage, SubmitButton } from '@/components/ui/form';
import { inputClass } from '@/components/ui/styles';
import type { FormState } from '@/lib/actions';

export type UsageTokenResult = { token: string; prefix: string };

export function UsageTokenForm({ hasToken, action }: { hasToken: boolean; action: (prev: FormState<UsageTokenResult>, fd: FormData) => Promise<FormState<UsageTokenResult>> }) {
  const t = useTranslations('usage.token');
  const id = useId();
  const [state, dispatch, pending] = useActionState<FormState<UsageTokenResult>, FormData>(action, { status: 'idle' });
  const token = state.status === 'ok' ? state.data?.token : undefined;
  return (
    <form action={dispatch} className="space-y-3">
      <FormMessage state={state} />
      {token && (
        <div className="space-y-1">
          <label htmlFor={`${id}-token`} className="block text-sm font-medium text-slate-700">
            {t('newToken')}
          </label>
          <input
            id={`${id}-token`}
            readOnly
            value={token}
            aria-describedby={`${id}-once`}
            onFocus={(e) => e.currentTarget.select()}
            className={`${inputClass} font-mono`}
          />
          <p id={`${id}-once`} className="text-sm font-medium text-amber-800">
            {t('shownOnce')}
          </p>
        </div>
      )}
      {(hasToken || token) && <p className="text-sm text-slate-600">{t('rotateWarning')}</p>}
      <SubmitButton pending={pending}>{hasToken || token ? t('rotate') : t('create')}</SubmitButton>
    </form>
  );
}

'use client';
// One small button that runs a server action for one row of a table (revoke, resend, remove…).
// Its answer shows in place, and stays after the row changes state.
import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/actions';
import { FormMessage } from './form';

export function InlineAction({
  action,
  fields,
  label,
  accessibleLabel,
  tone = 'neutral',
  children,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  /** Hidden fields that name the row. */
  fields: Record<string, string>;
  label: string;
  /** A longer name for screen readers that starts with the visible label, e.g. "Revoke code AS-1". */
  accessibleLabel?: string;
  tone?: 'neutral' | 'danger';
  /** Controls shown before the button (e.g. a role select). */
  children?: ReactNode;
}) {
  const [state, dispatch, pending] = useActionState<FormState, FormData>(action, { status: 'idle' });
  if (state.status === 'ok') return <FormMessage state={state} />;
  const colors = tone === 'danger' ? 'border-red-300 text-red-700 hover:bg-red-50' : 'border-slate-300 text-slate-700 hover:bg-slate-50';
  return (
    <form action={dispatch} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-center gap-2">
        {children}
        <button type="submit" disabled={pending} aria-busy={pending} aria-label={accessibleLabel} className={`rounded-md border bg-white px-2 py-1 text-xs font-medium disabled:opacity-60 ${colors}`}>
          {label}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

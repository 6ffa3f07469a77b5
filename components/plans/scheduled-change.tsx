'use client';
// PLAN-4: the scheduled change and its "Cancel scheduled change" button. It stays mounted while
// the page refreshes after the cancel, so its answer is still there when the card is gone.
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/ui/form';
import { Card } from '@/components/ui/page';
import type { FormState } from '@/lib/actions';

export function ScheduledChange({
  scheduled,
  action,
}: {
  /** The card's words, or null when nothing is scheduled. */
  scheduled: { title: string; body: string; noRefund: string; cancel: string } | null;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const [state, dispatch, pending] = useActionState<FormState, FormData>(action, { status: 'idle' });
  if (!scheduled) return state.status === 'ok' ? <FormMessage state={state} /> : null;
  return (
    <Card title={scheduled.title}>
      <div className="space-y-3 text-sm text-slate-800">
        <p>{scheduled.body}</p>
        <p>{scheduled.noRefund}</p>
        <form action={dispatch} className="space-y-2">
          <SubmitButton pending={pending} variant="danger">
            {scheduled.cancel}
          </SubmitButton>
          <FormMessage state={state} />
        </form>
      </div>
    </Card>
  );
}

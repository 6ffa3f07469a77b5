'use client';
// "Send again" for a failed or held email (OPS-3).
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';

export function RequeueButton({ id, action }: { id: string; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const [state, dispatch, pending] = useActionState<FormState, FormData>(action, { status: 'idle' });
  return (
    <form action={dispatch} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Send again</SubmitButton>
    </form>
  );
}

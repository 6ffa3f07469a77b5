'use client';
// ACC-10: "End access" in the banner of a staff member looking through a customer's portal. Its
// own module, so the portal's pages do not carry the words of the staff forms (staff-forms.tsx).
import { FormMessage, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { endAccessSchema } from '@/lib/standing/schemas';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export function EndAccessForm({ action, label }: { action: Action; label: string }) {
  const f = useServerForm(endAccessSchema, action, {});
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="inline">
      <button type="submit" disabled={f.pending} aria-busy={f.pending} className="rounded-md border border-amber-400 bg-white px-2 py-1 text-xs font-semibold text-amber-900 hover:bg-amber-100 disabled:opacity-60">
        {label}
      </button>
      {f.state.status === 'error' && <FormMessage state={f.state} />}
    </form>
  );
}

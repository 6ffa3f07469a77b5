'use client';
// GDPR-5: the forms of a privacy request's staff page. They post to server actions with React's
// form actions (so the pressed button's name/value is part of the form); the server validates
// and answers with messages next to the fields and a summary (FormMessage).
import { useTranslations } from 'next-intl';
import { useActionState, useId, type ReactNode } from 'react';
import { Field, FormMessage } from '@/components/ui/form';
import { Panel } from '@/components/ui/page';
import { inputClass } from '@/components/ui/styles';
import type { FormState } from '@/lib/actions';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const fieldError = (state: FormState, name: string) => (state.status === 'error' ? state.fieldErrors[name]?.[0] : undefined);

const buttonClass = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
  danger: 'bg-red-700 text-white hover:bg-red-800',
};

function Button({ pending, children, tone = 'primary', name, value }: { pending: boolean; children: ReactNode; tone?: keyof typeof buttonClass; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-busy={pending}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:opacity-60 ${buttonClass[tone]}`}
    >
      {children}
    </button>
  );
}

export function AssignForm({ action, requestId, current, staff }: { action: Action; requestId: string; current: string | null; staff: { id: string; fullName: string }[] }) {
  const t = useTranslations('gdpr.staff.detail.assign');
  const [state, dispatch, pending] = useActionState(action, { status: 'idle' } as FormState);
  const id = useId();
  return (
    <form action={dispatch} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <Field id={`${id}-assignee`} label={t('label')} error={fieldError(state, 'assigneeId')}>
        {(a11y) => (
          <select {...a11y} name="assigneeId" defaultValue={current ?? ''} className={inputClass}>
            <option value="">{t('nobody')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.fullName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormMessage state={state} />
      <Button pending={pending}>{t('submit')}</Button>
    </form>
  );
}

export function NoteForm({ action, requestId }: { action: Action; requestId: string }) {
  const t = useTranslations('gdpr.staff.detail.notes');
  const [state, dispatch, pending] = useActionState(action, { status: 'idle' } as FormState);
  const id = useId();
  return (
    <form action={dispatch} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <Field id={`${id}-note`} label={t('label')} hint={t('hint')} error={fieldError(state, 'note')}>
        {(a11y) => <textarea {...a11y} name="note" rows={3} maxLength={5000} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <Button pending={pending} tone="secondary">
        {t('submit')}
      </Button>
    </form>
  );
}

/** "Mark verified" / "Start work": the next step of the status machine. */
export function AdvanceForm({ action, requestId, to, label }: { action: Action; requestId: string; to: 'verified' | 'in_progress'; label: string }) {
  const [state, dispatch, pending] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <form action={dispatch} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="to" value={to} />
      <FormMessage state={state} />
      <Button pending={pending}>{label}</Button>
    </form>
  );
}

/** The reason the requester is told, with "Extend deadline" (and how long) and "Refuse". */
// The page renders it whatever the status (`available` says whether the request is open), so that
// after a refusal closes the request the answer stays on screen.
export function DecisionForm({ action, requestId, monthsLeft, available }: { action: Action; requestId: string; monthsLeft: number; available: boolean }) {
  const t = useTranslations('gdpr.staff.detail');
  const [state, dispatch, pending] = useActionState(action, { status: 'idle' } as FormState);
  const id = useId();
  if (!available) {
    return state.status === 'ok' ? (
      <Panel id={`${id}-heading`} title={t('decision.title')}>
        <FormMessage state={state} />
      </Panel>
    ) : null;
  }
  return (
    <Panel id={`${id}-heading`} title={t('decision.title')}>
      <form action={dispatch} className="space-y-3">
        <input type="hidden" name="requestId" value={requestId} />
        <Field id={`${id}-reason`} label={t('refuse.reason')} hint={t('decision.hint')} error={fieldError(state, 'reason')}>
          {(a11y) => <textarea {...a11y} name="reason" rows={3} maxLength={2000} className={inputClass} />}
        </Field>
        {monthsLeft > 0 ? (
          <Field id={`${id}-months`} label={t('extend.months')} error={fieldError(state, 'months')}>
            {(a11y) => (
              <select {...a11y} name="months" defaultValue="1" className={`${inputClass} sm:w-48`}>
                <option value="1">{t('extend.oneMonth')}</option>
                {monthsLeft > 1 && <option value="2">{t('extend.twoMonths')}</option>}
              </select>
            )}
          </Field>
        ) : (
          <p className="text-sm text-slate-600">{t('extend.used')}</p>
        )}
        <FormMessage state={state} />
        <div className="flex flex-wrap gap-3">
          {monthsLeft > 0 && (
            <Button pending={pending} name="intent" value="extend">
              {t('extend.submit')}
            </Button>
          )}
          <Button pending={pending} name="intent" value="refuse" tone="danger">
            {t('refuse.submit')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

/** Rendered whatever the status, like DecisionForm: the completion's answer stays after the request closes. */
export function CompleteForm({
  action,
  requestId,
  replyRequired,
  note,
  available,
}: {
  action: Action;
  requestId: string;
  replyRequired: boolean;
  note: string;
  available: boolean;
}) {
  const t = useTranslations('gdpr.staff.detail.complete');
  const [state, dispatch, pending] = useActionState(action, { status: 'idle' } as FormState);
  const id = useId();
  if (!available) {
    return state.status === 'ok' ? (
      <Panel id={`${id}-heading`} title={t('title')}>
        <FormMessage state={state} />
      </Panel>
    ) : null;
  }
  return (
    <Panel id={`${id}-heading`} title={t('title')}>
      <form action={dispatch} className="space-y-3">
        <input type="hidden" name="requestId" value={requestId} />
        <p className="text-sm text-slate-600">{note}</p>
        <Field id={`${id}-reply`} label={t('reply')} hint={replyRequired ? t('replyRequiredHint') : t('replyHint')} error={fieldError(state, 'reply')}>
          {(a11y) => <textarea {...a11y} name="reply" rows={5} maxLength={10000} aria-required={replyRequired} className={inputClass} />}
        </Field>
        <FormMessage state={state} />
        <Button pending={pending}>{t('submit')}</Button>
      </form>
    </Panel>
  );
}

'use client';
// Form building blocks shared by every page. One zod schema validates in the browser (through
// react-hook-form) and again in the server action; server errors show next to the same fields.
// The browser loads zod and the resolver only when a form is first used (focus or submit): a
// public form passes its schema as a loader (`() => import(…).then((m) => m.schema)`) so neither is
// part of the page's first load (scripts/bench-weight.mjs).
import { useActionState, useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, startTransition, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { FormState } from '@/lib/actions';
import { msg, translateMessage, type KeyTranslator } from '@/lib/i18n/message-ref';
import { inputClass } from './styles';

const noSubscription = () => () => {};
/**
 * False in the server's HTML and during hydration, true once React owns the page. The kit's fields
 * and buttons stay disabled until then: a value typed before hydration would be reset to the form's
 * default by react-hook-form, and a press before hydration would submit the form as a plain GET.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/** The whole catalogue as a key translator, for message references from schemas and the server. */
export function useMessageTranslator(): KeyTranslator {
  const t = useTranslations();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (key, values) => (t as any)(key, values);
}

type Action<R> = (prev: FormState<R>, fd: FormData) => Promise<FormState<R>>;

export interface ServerForm<T extends FieldValues, R> {
  form: UseFormReturn<T>;
  /** What the form says as a whole: the server's answer, or the browser check's refusal. */
  state: FormState<R>;
  pending: boolean;
  formRef: React.RefObject<HTMLFormElement | null>;
  onSubmit: (e: React.FormEvent<HTMLFormElement>) => void;
  /** Call when the browser's check refused a submit (onSubmit does; custom submits must too). */
  refusedInBrowser: (errors: FieldErrorsOf) => void;
  /** The message for a field: the browser's check first, else the server's. */
  errorFor: (name: string) => string | undefined;
}

type FieldErrorsOf = Record<string, unknown>;

/** A schema, or a function that imports it (keeps zod out of the page's first load). */
export type SchemaSource<S> = S | (() => Promise<S>);

// One loaded resolver per schema or loader, shared by every form that uses it.
const resolvers = new WeakMap<object, Promise<Resolver<FieldValues>>>();
function loadResolver(source: SchemaSource<z.ZodType>): Promise<Resolver<FieldValues>> {
  let r = resolvers.get(source);
  if (!r) {
    const schema = typeof source === 'function' ? source() : Promise.resolve(source);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    r = Promise.all([schema, import('@hookform/resolvers/zod')]).then(([s, m]) => m.zodResolver(s as any) as unknown as Resolver<FieldValues>);
    r.catch(() => resolvers.delete(source)); // a failed download is tried again on the next use
    resolvers.set(source, r);
  }
  return r;
}

/** The first field marked invalid, in the order a person reads the form. */
function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

export function useServerForm<S extends z.ZodType<FieldValues, FieldValues>, R = undefined>(
  schema: SchemaSource<S>,
  action: Action<R>,
  defaultValues?: DefaultValues<z.input<S>>,
  /** resetOnSuccess: empty the form once the server accepted it (forms that add one item to a list). */
  options: { resetOnSuccess?: boolean } = {},
): ServerForm<z.input<S>, R> {
  const [serverState, dispatch, pending] = useActionState<FormState<R>, FormData>(action, { status: 'idle' });
  const formRef = useRef<HTMLFormElement | null>(null);
  const t = useMessageTranslator();
  // Counts the browser check's refusals since the last accepted submit (0: none): each one shows
  // the summary again and moves the focus again.
  const [refusals, setRefusals] = useState(0);
  // Messages appear on submit, then follow each change of their own field; never on blur. A
  // message that appeared on blur would push the controls below it down between the press and the
  // release of the click that caused the blur, and that click would be lost. Focus after a refusal
  // goes to the first invalid field on screen (react-hook-form would pick the first registered one).
  const resolver = useCallback<Resolver<FieldValues>>(async (values, context, opts) => (await loadResolver(schema))(values, context, opts), [schema]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const form = useForm<z.input<S>>({ resolver: resolver as any, defaultValues, mode: 'onSubmit', reValidateMode: 'onChange', shouldFocusError: false });
  // The first focus inside the form starts loading the check, so a submit seldom waits for it.
  useEffect(() => {
    const el = formRef.current;
    if (!el) return;
    const load = () => void loadResolver(schema).catch(() => {});
    el.addEventListener('focusin', load, { once: true });
    return () => el.removeEventListener('focusin', load);
  }, [schema]);
  const refusedInBrowser = useCallback((errors: FieldErrorsOf) => {
    if (Object.keys(errors).length) setRefusals((n) => n + 1);
  }, []);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    void form.handleSubmit(() => {
      setRefusals(0);
      const fd = new FormData(el);
      startTransition(() => dispatch(fd));
    }, refusedInBrowser)(e);
  };
  useEffect(() => {
    if (!refusals) return;
    // react-hook-form renders its field errors in a render of its own, after this one: wait for
    // the fields to be marked before choosing the first.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    });
    return () => cancelAnimationFrame(frame);
  }, [refusals]);
  // After the server refused fields, the first of them takes the focus; with no field to blame,
  // the summary does (FormMessage).
  useEffect(() => {
    if (serverState.status === 'error' && Object.keys(serverState.fieldErrors).length) focusFirstInvalid(formRef.current);
  }, [serverState]);
  const { resetOnSuccess } = options;
  useEffect(() => {
    if (resetOnSuccess && serverState.status === 'ok') form.reset();
  }, [resetOnSuccess, serverState, form]);
  // The summary for a browser refusal names no field itself (the fields say what is wrong); its
  // field list only tells FormMessage that a field, not the summary, takes the focus.
  const state = useMemo<FormState<R>>(
    () => (refusals ? { status: 'error', fieldErrors: { _browser: [] }, formError: msg('validation.correctHighlighted') } : serverState),
    [refusals, serverState],
  );
  const errorFor = (name: string) => {
    const client = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
    if (client) return translateMessage(t, client);
    return serverState.status === 'error' ? translateMessage(t, serverState.fieldErrors[name]?.[0]) : undefined;
  };
  return { form, state, pending, formRef, onSubmit, refusedInBrowser, errorFor };
}

export function Field({
  label,
  error,
  hint,
  children,
  id,
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  id: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; disabled?: boolean }) => ReactNode;
}) {
  const hydrated = useHydrated();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy, ...(hydrated ? {} : { disabled: true }) })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled text input wired to react-hook-form and to the server's field errors. */
export function TextField<T extends FieldValues>({
  f,
  name,
  label,
  type = 'text',
  hint,
  autoComplete,
  ...rest
}: {
  f: ServerForm<T, unknown> | ServerForm<T, never> | ServerForm<T, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  name: string;
  label: ReactNode;
  type?: string;
  hint?: ReactNode;
  autoComplete?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'type'>) {
  const id = `${useId()}-${name}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const reg = f.form.register(name as any);
  return (
    <Field id={id} label={label} error={f.errorFor(name)} hint={hint}>
      {(a11y) => <input {...a11y} {...rest} {...reg} type={type} autoComplete={autoComplete} className={inputClass} />}
    </Field>
  );
}

/** A labelled textarea wired to react-hook-form and to the server's field errors, like TextField for several lines. */
export function TextAreaField<T extends FieldValues>({
  f,
  name,
  label,
  hint,
  rows = 5,
  maxLength,
}: {
  f: ServerForm<T, unknown> | ServerForm<T, never> | ServerForm<T, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
}) {
  const id = `${useId()}-${name}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const reg = f.form.register(name as any);
  return (
    <Field id={id} label={label} error={f.errorFor(name)} hint={hint}>
      {(a11y) => <textarea {...a11y} {...reg} rows={rows} maxLength={maxLength} className={inputClass} />}
    </Field>
  );
}

/** A labelled select wired to react-hook-form and to the server's field errors. */
export function SelectField<T extends FieldValues>({
  f,
  name,
  label,
  options,
  placeholder,
  hint,
  autoComplete,
}: {
  f: ServerForm<T, unknown> | ServerForm<T, never> | ServerForm<T, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  name: string;
  label: ReactNode;
  options: { value: string; label: string }[];
  /** An empty first option, e.g. "Choose a country". */
  placeholder?: string;
  hint?: ReactNode;
  autoComplete?: string;
}) {
  const id = `${useId()}-${name}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const reg = f.form.register(name as any);
  return (
    <Field id={id} label={label} error={f.errorFor(name)} hint={hint}>
      {(a11y) => (
        <select {...a11y} {...reg} autoComplete={autoComplete} className={inputClass}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function SubmitButton({ pending, children, variant = 'primary' }: { pending: boolean; children: ReactNode; variant?: 'primary' | 'danger' }) {
  const t = useTranslations('common');
  const hydrated = useHydrated();
  const colors =
    variant === 'danger' ? 'bg-red-700 hover:bg-red-800 focus-visible:outline-red-700' : 'bg-brand-700 hover:bg-brand-800';
  return (
    <button
      type="submit"
      disabled={pending || !hydrated}
      aria-busy={pending}
      className={`inline-flex w-full items-center justify-center rounded-md px-4 py-2.5 text-sm font-semibold text-white shadow-sm disabled:opacity-60 sm:w-auto ${colors}`}
    >
      {pending ? t('working') : children}
    </button>
  );
}

/** The form-level message: errors in role="alert", success in role="status". */
export function FormMessage({ state }: { state: FormState<unknown> }) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useMessageTranslator();
  useEffect(() => {
    if (state.status === 'error' && !Object.keys(state.fieldErrors).length) ref.current?.focus();
  }, [state]);
  if (state.status === 'error' && state.formError)
    return (
      <div ref={ref} tabIndex={-1} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {translateMessage(t, state.formError)}
      </div>
    );
  if (state.status === 'ok' && state.message)
    return (
      <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {translateMessage(t, state.message)}
      </div>
    );
  return null;
}

// The one pattern every server action follows: parse the form with its zod schema → run one
// guard (which also resolves the account from the session, never from the form) → call one
// service → return a typed form state. Services signal expected refusals with DomainError.
import { AsyncLocalStorage } from 'node:async_hooks';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { msg, parseMessageRef, translateMessage, type MessageValues } from '@/lib/i18n/message-ref';
import { localeOfRequestOrDefault } from '@/lib/i18n/request-locale';
import { translatorFor } from '@/lib/i18n/translator';

export type FieldErrors = Record<string, string[]>;

export type FormState<T = undefined> =
  | { status: 'idle' }
  | { status: 'ok'; message?: string; data?: T }
  | { status: 'error'; fieldErrors: FieldErrors; formError?: string };

export const idle: FormState<never> = { status: 'idle' };

/**
 * An expected refusal (bad input the schema cannot see, a rule that says no). Its message is a
 * catalogue reference (`msg('errors.…')`, or pass the key and values here), translated into the
 * reader's language when the action answers.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    /** The form field the message belongs next to, if any. */
    readonly field?: string,
    values?: MessageValues,
  ) {
    super(values ? msg(message.replace(/^t:/, ''), values) : message);
    this.name = 'DomainError';
  }
}

/** FormData → plain object; repeated keys become arrays; unticked checkboxes are simply absent. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of fd.entries()) {
    if (key.startsWith('$ACTION')) continue; // Next's own hidden fields
    const v = typeof value === 'string' ? value : value;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else out[key] = v;
  }
  return out;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * A form schema's issues by field, for a person to read. Our form schemas word every message as a
 * catalogue reference; zod's own messages (a file or a repeated key where one text belongs, a field
 * left out: input no form of ours sends) are English-only internals, so they become the
 * catalogue's "not valid".
 */
export function formFieldErrors(error: z.ZodError): FieldErrors {
  const out = zodFieldErrors(error);
  for (const key of Object.keys(out)) out[key] = out[key].map((m) => (parseMessageRef(m) ? m : msg('validation.invalid')));
  return out;
}

export function errorState(err: unknown): FormState<never> {
  if (err instanceof DomainError) {
    return err.field
      ? { status: 'error', fieldErrors: { [err.field]: [err.message] }, formError: err.message }
      : { status: 'error', fieldErrors: {}, formError: err.message };
  }
  throw err;
}

/**
 * What a guard may read of the submitted form before the schema runs: single text fields only
 * (the public-form guard reads the `botCheck` field). Session guards ignore it.
 */
export interface SubmittedForm {
  field(name: string): string | undefined;
}

/**
 * Wraps a server action: `schema` parses the FormData, `guard` checks who is calling (and
 * redirects or throws when they may not; a DomainError it throws becomes the form's message),
 * `run` calls the service. Returns a FormState for useActionState.
 */
/** Set while a validatedAction runs its guard and service (not while Next renders a page after it). */
const actionScope = new AsyncLocalStorage<true>();

/** Whether the caller runs inside a server action (ACC-10: staff access refuses every one). */
export function inServerAction(): boolean {
  return actionScope.getStore() === true;
}

export function validatedAction<S extends z.ZodType, G, R = undefined>(opts: {
  schema: S;
  guard: (form: SubmittedForm) => Promise<G>;
  run: (input: z.infer<S>, ctx: G) => Promise<{ message?: string; data?: R } | void>;
}) {
  return async (prev: FormState<R>, formData: FormData): Promise<FormState<R>> =>
    translateFormState(await actionScope.run(true, () => runValidated(opts, prev, formData)));
}

async function runValidated<S extends z.ZodType, G, R>(
  opts: Parameters<typeof validatedAction<S, G, R>>[0],
  _prev: FormState<R>,
  formData: FormData,
): Promise<FormState<R>> {
  {
    const raw = formDataToObject(formData);
    let ctx: G;
    try {
      ctx = await opts.guard({ field: (name) => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined) });
    } catch (err) {
      return errorState(err); // redirects and unexpected errors are thrown on
    }
    const parsed = opts.schema.safeParse(raw);
    if (!parsed.success) {
      return {
        status: 'error',
        fieldErrors: formFieldErrors(parsed.error),
        formError: msg('validation.correctHighlighted'),
      };
    }
    try {
      const result = await opts.run(parsed.data, ctx);
      return { status: 'ok', message: result?.message, data: result?.data };
    } catch (err) {
      if (err instanceof DomainError) return errorState(err);
      // Next's own signals (redirect, notFound) go on; anything else — the database connection
      // dropped, a service bug — is logged and answered with a message on the form instead of an
      // error page. The service's transaction was rolled back, so nothing of it was written.
      unstable_rethrow(err);
      console.error('[action] failed unexpectedly:', err);
      return { status: 'error', fieldErrors: {}, formError: msg('validation.unexpected') };
    }
  }
}

/** Every message of a form state in the reader's language (references → text; text stays). */
export async function translateFormState<R>(state: FormState<R>): Promise<FormState<R>> {
  if (state.status === 'idle') return state;
  const t = translatorFor(await localeOfRequestOrDefault());
  const tr = (s: string | undefined) => translateMessage(t, s);
  if (state.status === 'ok') return { ...state, message: tr(state.message) };
  const fieldErrors: FieldErrors = {};
  for (const [k, list] of Object.entries(state.fieldErrors)) fieldErrors[k] = list.map((m) => tr(m) ?? m);
  return { ...state, fieldErrors, formError: tr(state.formError) };
}

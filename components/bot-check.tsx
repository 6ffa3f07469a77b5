'use client';
// ACC-4: the browser side of the proof-of-work bot check.
// Public forms use the kit at the bottom of this file and nothing else:
//   const f = useServerForm(schema, action, { …, botCheck: '' });   // schema has botCheck: botCheckField
//   const kit = useBotCheckedSubmit(f);
//   <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate> … <FormMessage state={f.state} />
//     <BotCheckedSubmit kit={kit}>Send</BotCheckedSubmit> </form>
// and the server action uses `publicForm(limit)` (lib/public-forms) as its guard.
// The lower-level `useBotCheck()` fetches a signed challenge from /api/bot-check and solves it with
// WebCrypto as soon as the form is shown; `<BotCheck bot={bot} />` renders the hidden `botCheck`
// input and a small status line. `bot.ensure()` waits for the solution; `bot.reset()` starts a new
// one, because a solution is accepted only once.
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { FieldValues, Path, PathValue } from 'react-hook-form';
import { SubmitButton, type ServerForm } from '@/components/ui/form';

export type BotCheckStatus = 'working' | 'verified' | 'error';

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
}

export interface BotCheckHandle {
  status: BotCheckStatus;
  token: string;
  /** Resolves with the solved payload (solving first if needed); rejects when the check cannot run. */
  ensure: () => Promise<string>;
  /** Drops the used solution and starts solving a new challenge. */
  reset: () => void;
}

async function fetchAndSolve(signal: AbortSignal): Promise<string> {
  // The solver is loaded with the challenge, after the page is up: not part of the page's first load.
  const [res, { solveChallenge }] = await Promise.all([fetch('/api/bot-check', { cache: 'no-store', signal }), import('altcha-lib/v1')]);
  if (!res.ok) throw new Error(`challenge ${res.status}`);
  const c = (await res.json()) as Challenge;
  const { promise, controller } = solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber ?? 1e6);
  signal.addEventListener('abort', () => controller.abort());
  const solution = await promise;
  if (!solution) throw new Error('no solution');
  const payload = { algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature };
  return btoa(JSON.stringify(payload));
}

export function useBotCheck(): BotCheckHandle {
  const [status, setStatus] = useState<BotCheckStatus>('working');
  const [token, setToken] = useState('');
  const current = useRef<{ promise: Promise<string>; abort: AbortController } | null>(null);

  const start = useCallback(() => {
    current.current?.abort.abort();
    const abort = new AbortController();
    setStatus('working');
    setToken('');
    const promise = fetchAndSolve(abort.signal);
    current.current = { promise, abort };
    promise.then(
      (t) => {
        if (current.current?.promise !== promise) return;
        setToken(t);
        setStatus('verified');
      },
      () => {
        if (current.current?.promise === promise && !abort.signal.aborted) setStatus('error');
      },
    );
    return promise;
  }, []);

  useEffect(() => {
    start();
    return () => current.current?.abort.abort();
  }, [start]);

  const ensure = useCallback(async () => {
    const c = current.current;
    if (c) {
      try {
        return await c.promise;
      } catch {
        /* retry below */
      }
    }
    return start();
  }, [start]);

  return { status, token, ensure, reset: start };
}

export function BotCheck({ bot }: { bot: BotCheckHandle }) {
  const t = useTranslations('common.botCheck');
  return (
    <div className="flex items-center gap-2 text-xs text-slate-500" aria-live="polite">
      <input type="hidden" name="botCheck" value={bot.token} readOnly />
      {bot.status === 'working' && (
        <>
          <span className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" aria-hidden="true" />
          <span data-testid="bot-check-status">{t('working')}</span>
        </>
      )}
      {bot.status === 'verified' && (
        <>
          <span className="text-emerald-600" aria-hidden="true">✓</span>
          <span data-testid="bot-check-status">{t('verified')}</span>
        </>
      )}
      {bot.status === 'error' && (
        <>
          <span data-testid="bot-check-status" className="text-red-700">{t('failed')}</span>
          <button type="button" onClick={bot.reset} className="font-medium text-brand-700 underline">
            {t('retry')}
          </button>
        </>
      )}
    </div>
  );
}

export interface BotCheckedSubmit {
  bot: BotCheckHandle;
  /** True while the submit waits for the solution. */
  waiting: boolean;
  /** Use as the form's onSubmit. */
  onSubmit: (e: React.FormEvent<HTMLFormElement>) => void;
  /** The form's pending state (server call or waiting for the solution). */
  pending: boolean;
  /** The server's or the browser's message about the check, if any. */
  error?: string;
}

/**
 * The public-form kit (ACC-4): solves in the background, keeps the solution in the `botCheck`
 * field, makes a submit that comes before the solution validate the other fields, wait and then
 * go on by itself, and fetches a new challenge after every answer from the server while the form
 * is shown (one rule: a solution is accepted once, whatever the answer was).
 */
export function useBotCheckedSubmit<T extends FieldValues & { botCheck: string }, R>(f: ServerForm<T, R>): BotCheckedSubmit {
  const bot = useBotCheck();
  const [waiting, setWaiting] = useState(false);
  const { setValue, handleSubmit, clearErrors } = f.form;
  const { token, reset } = bot;

  useEffect(() => {
    setValue('botCheck' as Path<T>, token as PathValue<T, Path<T>>);
    if (token) clearErrors('botCheck' as Path<T>);
  }, [token, setValue, clearErrors]);
  // The one rule for a new challenge: after every answer from the server, while the form is
  // still on screen (a form replaced by its success view needs none).
  useEffect(() => {
    if (f.state.status !== 'idle' && f.formRef.current) reset();
  }, [f.state, reset, f.formRef]);
  useEffect(() => {
    if (waiting && token) {
      setWaiting(false);
      f.formRef.current?.requestSubmit();
    }
  }, [waiting, token, f.formRef]);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    if (token) return f.onSubmit(e);
    // Check the person's fields at once (as a submit does); if only the solution is missing,
    // wait for it and submit by itself.
    const wait = () => {
      setWaiting(true);
      bot.ensure().catch(() => setWaiting(false));
    };
    void handleSubmit(wait, (errors) => {
      if (Object.keys(errors).every((k) => k === 'botCheck')) wait();
      else f.refusedInBrowser(errors);
    })(e);
  };

  const error = f.errorFor('botCheck');
  return { bot, waiting, onSubmit, pending: f.pending || waiting, error: waiting ? undefined : error };
}

/** The submit button of a public form, with the check's status line and its message. */
export function BotCheckedSubmit({ kit, children }: { kit: BotCheckedSubmit; children: ReactNode }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={kit.pending}>{children}</SubmitButton>
        <BotCheck bot={kit.bot} />
      </div>
      {kit.error && <p className="text-sm text-red-700">{kit.error}</p>}
    </div>
  );
}

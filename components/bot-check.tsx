'use client';
// ACC-4: the browser side of the proof-of-work bot check, reusable by every public form.
// `useBotCheck()` fetches a signed challenge from /api/bot-check and solves it with WebCrypto as
// soon as the form is shown; `<BotCheck bot={bot} />` renders the hidden `botCheck` input and a
// small status line. Forms call `bot.ensure()` before submitting (it waits for the solution) and
// `bot.reset()` after each submission, because a solution is accepted only once.
import { solveChallenge } from 'altcha-lib/v1';
import { useCallback, useEffect, useRef, useState } from 'react';

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
  const res = await fetch('/api/bot-check', { cache: 'no-store', signal });
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
  return (
    <div className="flex items-center gap-2 text-xs text-slate-500" aria-live="polite">
      <input type="hidden" name="botCheck" value={bot.token} readOnly />
      {bot.status === 'working' && (
        <>
          <span className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" aria-hidden="true" />
          <span data-testid="bot-check-status">Checking you are human…</span>
        </>
      )}
      {bot.status === 'verified' && (
        <>
          <span className="text-emerald-600" aria-hidden="true">✓</span>
          <span data-testid="bot-check-status">Verified: you are human</span>
        </>
      )}
      {bot.status === 'error' && (
        <>
          <span data-testid="bot-check-status" className="text-red-700">The human check could not run.</span>
          <button type="button" onClick={bot.reset} className="font-medium text-brand-700 underline">
            Try again
          </button>
        </>
      )}
    </div>
  );
}

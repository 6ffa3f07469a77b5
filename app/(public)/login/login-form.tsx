'use client';
// Signing in goes through next-auth's credentials provider (lib/auth/login.ts authenticate()).
// Its refusal messages arrive as `error` and are shown in role="alert". After repeated failed
// sign-ins the server answers LOGIN_ERRORS.checkRequired: the form then shows the proof-of-work
// bot check and, once it is solved, sends the same sign-in again with the solution. A normal
// sign-in never runs the check.
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { BotCheck, useBotCheck } from '@/components/bot-check';
import { adoptLanguageAfterSignIn } from '@/app/actions/language';
import { SubmitButton, useMessageTranslator } from '@/components/ui/form';
import { inputClass } from '@/components/ui/styles';
import { LOGIN_ERRORS, loginErrorMessage } from '@/lib/auth/login-messages';
import { sameOriginPath } from '@/lib/http/same-origin-path';
import { msg, translateMessage } from '@/lib/i18n/message-ref';
import { ResendForm } from '../verify-email/resend-form';

interface Credentials {
  email: string;
  password: string;
}

/** How often a sign-in is sent again on its own after a solved check was not accepted (e.g. expired). */
const AUTO_RETRIES = 2;

/** Solves one challenge as soon as it is shown and hands the solution up. */
function SignInCheck({ onSolved }: { onSolved: (token: string) => void }) {
  const bot = useBotCheck();
  useEffect(() => {
    if (bot.status === 'verified' && bot.token) onSolved(bot.token);
  }, [bot.status, bot.token, onSolved]);
  return <BotCheck bot={bot} />;
}

export function LoginForm({ next }: { next: string | null }) {
  const id = useId();
  const t = useTranslations('public.login');
  const tm = useMessageTranslator();
  const [pending, setPending] = useState(false);
  // A message reference (LOGIN_ERRORS or the form's own), translated when shown.
  const [error, setError] = useState<string | null>(null);
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);
  // 0 while the server has not asked for the check; each solution is used once, so every
  // further round mounts a new SignInCheck (a new challenge).
  const [checkRound, setCheckRound] = useState(0);
  const [solution, setSolution] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<Credentials | null>(null);
  const retries = useRef(0);

  const attempt = useCallback(
    async (creds: Credentials, botCheck?: string) => {
      setPending(true);
      setError(null);
      setUnverifiedEmail(null);
      try {
        const res = await signIn('credentials', { ...creds, ...(botCheck ? { botCheck } : {}), redirect: false });
        if (res && res.ok && !res.error) {
          // Staff land on /staff: /account sends them there. `next` was checked on the server;
          // it is checked again here, so nothing but a path on this site is ever navigated to.
          // First the language: one chosen in this browser is kept on the user, else theirs is adopted.
          try {
            await adoptLanguageAfterSignIn();
          } catch {
            /* the sign-in stands; the language follows on the next choice */
          }
          window.location.assign(sameOriginPath(next, window.location.origin, '/account'));
          return;
        }
        const message = res?.error && res.error !== 'CredentialsSignin' ? res.error : LOGIN_ERRORS.invalid;
        const checkAsked = message === LOGIN_ERRORS.checkRequired;
        if (botCheck || (checkAsked && checkRound === 0)) setCheckRound((r) => r + 1);
        if (checkAsked && retries.current < AUTO_RETRIES) {
          // Sent again as soon as the (new) check is solved; the button stays busy meanwhile.
          retries.current += 1;
          setWaiting(creds);
          return;
        }
        setError(loginErrorMessage(message));
        if (message === LOGIN_ERRORS.unverified) setUnverifiedEmail(creds.email);
        setPending(false);
      } catch {
        setError(msg('auth.errors.login.network'));
        setPending(false);
      }
    },
    [checkRound, next],
  );

  useEffect(() => {
    if (!waiting || !solution) return;
    setWaiting(null);
    setSolution(null);
    void attempt(waiting, solution);
  }, [waiting, solution, attempt]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const creds = { email: String(fd.get('email') ?? '').trim(), password: String(fd.get('password') ?? '') };
    if (!creds.email || !creds.password) {
      setError(msg('auth.errors.login.missingFields'));
      return;
    }
    retries.current = 0;
    if (checkRound > 0) {
      // The check is already asked for: send with the next solution (at once if it is ready).
      setPending(true);
      setError(null);
      setWaiting(creds);
      return;
    }
    void attempt(creds);
  }

  return (
    <div className="mt-6 space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="space-y-1">
          <label htmlFor={`${id}-email`} className="block text-sm font-medium text-slate-700">
            {t('email')}
          </label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
            className={inputClass}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-password`} className="block text-sm font-medium text-slate-700">
            {t('password')}
          </label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
            className={inputClass}
          />
        </div>
        {checkRound > 0 && (
          <div role="status" className="space-y-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
            <p>{translateMessage(tm, loginErrorMessage(LOGIN_ERRORS.checkRequired))}</p>
            <SignInCheck key={checkRound} onSolved={setSolution} />
          </div>
        )}
        {error && (
          <div id={`${id}-error`} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {translateMessage(tm, error)}
          </div>
        )}
        <SubmitButton pending={pending}>{t('submit')}</SubmitButton>
      </form>
      {unverifiedEmail && (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
          <p className="mb-3 text-sm text-slate-700">{t('resendIntro', { email: unverifiedEmail })}</p>
          <ResendForm email={unverifiedEmail} label={t('resendButton')} />
        </div>
      )}
    </div>
  );
}

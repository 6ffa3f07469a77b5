'use client';
// Signing in goes through next-auth's credentials provider (lib/auth/login.ts authenticate()).
// Its refusal messages arrive as `error` and are shown in role="alert".
import { signIn } from 'next-auth/react';
import { useId, useState } from 'react';
import { inputClass, SubmitButton } from '@/components/ui/form';
import { ResendForm } from '../verify-email/resend-form';

// Kept in step with LOGIN_ERRORS in lib/auth/login.ts (not imported: that module is server-only).
const INVALID = 'That email and password do not match an account.';
const UNVERIFIED = /confirm your email/i;

export function LoginForm({ next }: { next: string | null }) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const email = String(fd.get('email') ?? '').trim();
    const password = String(fd.get('password') ?? '');
    if (!email || !password) {
      setError('Enter your email and password.');
      return;
    }
    setPending(true);
    setError(null);
    setUnverifiedEmail(null);
    try {
      const res = await signIn('credentials', { email, password, redirect: false });
      if (!res || res.error || !res.ok) {
        const message = res?.error && res.error !== 'CredentialsSignin' ? res.error : INVALID;
        setError(message);
        if (UNVERIFIED.test(message)) setUnverifiedEmail(email);
        setPending(false);
        return;
      }
      // Staff land on /staff: /account sends them there.
      window.location.assign(next ?? '/account');
    } catch {
      setError('Signing in failed. Check your connection and try again.');
      setPending(false);
    }
  }

  return (
    <div className="mt-6 space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="space-y-1">
          <label htmlFor={`${id}-email`} className="block text-sm font-medium text-slate-700">
            Email
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
            Password
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
        {error && (
          <div id={`${id}-error`} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </div>
        )}
        <SubmitButton pending={pending}>Sign in</SubmitButton>
      </form>
      {unverifiedEmail && (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
          <p className="mb-3 text-sm text-slate-700">We can send a new confirmation link to {unverifiedEmail}.</p>
          <ResendForm email={unverifiedEmail} label="Send a new confirmation link" />
        </div>
      )}
    </div>
  );
}

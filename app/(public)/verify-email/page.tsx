import Link from 'next/link';
import { getDb } from '@/db/client';
import { verifyEmail, type VerifyResult } from '@/lib/accounts/verification';
import { publicRequest } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { ResendForm } from './resend-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Confirm your email · Accountdesk' };

const COPY: Record<VerifyResult['status'], { title: string; body: string }> = {
  verified: {
    title: 'Email confirmed',
    body: 'Thank you. Your email address is confirmed and your account is ready. Sign in to start using it.',
  },
  already_verified: {
    title: 'Email already confirmed',
    body: 'This link has been used before and your email address is confirmed. You can sign in.',
  },
  expired: {
    title: 'This link has expired',
    body: 'Confirmation links are valid for 7 days. Ask for a new link below; it goes to the address you signed up with.',
  },
  invalid: {
    title: 'This link is not valid',
    body: 'The link may be incomplete, or the signup was removed because it was not confirmed within 7 days. Ask for a new link below, or sign up again.',
  },
};

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await publicRequest();
  const { token } = await searchParams;
  const result = typeof token === 'string' && token ? await verifyEmail(await getDb(), token, now()) : ({ status: 'invalid' } as const);
  const copy = COPY[result.status];
  const canSignIn = result.status === 'verified' || result.status === 'already_verified';
  return (
    <div className="mx-auto max-w-lg px-4 py-12 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{copy.title}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">{copy.body}</p>
        {canSignIn ? (
          <Link
            href="/login"
            className="mt-6 inline-flex w-full items-center justify-center rounded-md bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white no-underline shadow-sm hover:bg-brand-800 hover:no-underline sm:w-auto"
          >
            Sign in
          </Link>
        ) : (
          <div className="mt-6 space-y-4">
            <ResendForm label="Send a new link" />
            <p className="text-sm text-slate-600">
              Signup older than 7 days? <Link href="/signup">Sign up again</Link>.
            </p>
          </div>
        )}
      </div>
    </div>
  );
}

import Link from 'next/link';
import { publicRequest } from '@/lib/auth/guards';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in · Accountdesk' };

/** Only same-site relative paths are followed after signing in. */
function safeNext(next: string | string[] | undefined): string | null {
  if (typeof next !== 'string') return null;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  await publicRequest();
  const { next } = await searchParams;
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">
          New to Accountdesk? <Link href="/signup">Create an account</Link>
        </p>
        <LoginForm next={safeNext(next)} />
        <p className="mt-4 text-sm text-slate-600">
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      </div>
    </div>
  );
}

import Link from 'next/link';
import { publicRequest } from '@/lib/auth/guards';
import { ForgotPasswordForm } from './forgot-password-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Forgot your password? · Accountdesk' };

export default async function ForgotPasswordPage() {
  await publicRequest();
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Forgot your password?</h1>
        <p className="mt-1 text-sm text-slate-600">
          Enter the email address of your login. We will send you a link to choose a new password; it works once, within one
          hour.
        </p>
        <ForgotPasswordForm />
        <p className="mt-6 text-sm text-slate-600">
          Remembered it? <Link href="/login">Sign in</Link>
        </p>
      </div>
    </div>
  );
}

'use client';
// The end of a link-based public flow (new password, accepted invitation): what happened, then
// the one thing to do next, signing in.
import { Link } from '@/components/ui/link';
import { FormMessage } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';

export function SignInNext({ state, label }: { state: FormState<unknown>; label: string }) {
  return (
    <div className="mt-6 space-y-4">
      <FormMessage state={state} />
      <Link
        href="/login"
        className="inline-flex w-full items-center justify-center rounded-md bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white no-underline shadow-sm hover:bg-brand-800 hover:no-underline sm:w-auto"
      >
        {label}
      </Link>
    </div>
  );
}

'use client';
// The "Language" select on every page (see language-select.tsx, which gives it its words: the
// shells load no message catalogue in the browser). Choosing a language saves it (cookie, and the
// user when signed in) and re-renders the page in it; without JavaScript the "Change" button submits.
import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';
import { chooseLanguage } from '@/app/actions/language';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '@/lib/i18n/config';

export function LanguageSelectControl({ locale, label, change, className = '' }: { locale: Locale; label: string; change: string; className?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const id = useId();
  return (
    <form action={chooseLanguage} className={`flex items-center gap-2 text-sm ${className}`}>
      <label htmlFor={id} className="text-slate-600">
        {label}
      </label>
      <select
        id={id}
        name="locale"
        defaultValue={locale}
        disabled={pending}
        aria-busy={pending}
        onChange={(e) => {
          const fd = new FormData();
          fd.set('locale', e.currentTarget.value);
          startTransition(async () => {
            await chooseLanguage(fd);
            router.refresh();
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border border-slate-300 px-2 py-1">
          {change}
        </button>
      </noscript>
    </form>
  );
}

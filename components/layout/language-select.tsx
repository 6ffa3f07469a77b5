'use client';
// The "Language" select on every page. Choosing a language saves it (cookie, and the user when
// signed in) and re-renders the page in it; without JavaScript the "Change" button submits.
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';
import { chooseLanguage } from '@/app/actions/language';
import { LANGUAGE_NAMES, LOCALES } from '@/lib/i18n/config';

export function LanguageSelect({ className = '' }: { className?: string }) {
  const t = useTranslations('common.language');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const id = useId();
  return (
    <form action={chooseLanguage} className={`flex items-center gap-2 text-sm ${className}`}>
      <label htmlFor={id} className="text-slate-600">
        {t('label')}
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
          {t('change')}
        </button>
      </noscript>
    </form>
  );
}

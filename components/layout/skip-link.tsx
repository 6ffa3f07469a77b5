import { getTranslations } from 'next-intl/server';

/** The first focusable thing on every page: jumps past the header and navigation to `#main`. */
export async function SkipLink() {
  const t = await getTranslations('common');
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-semibold text-brand-800 shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
    >
      {t('skipToContent')}
    </a>
  );
}

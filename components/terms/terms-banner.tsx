// ACC-6: the portal notice for a terms version the signed-in member has not accepted yet: a link
// to /terms and "Continue", which records the acceptance. It sits in the page flow (no overlay),
// so billing and stop pages stay usable while it is shown.
import { getTranslations } from 'next-intl/server';
import { InlineAction } from '@/components/ui/inline-action';
import type { FormState } from '@/lib/actions';
import { getFormatters } from '@/lib/i18n/server';

export async function TermsBanner({
  pending,
  action,
}: {
  pending: { version: string; publishedAt: Date } | null;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  if (!pending) return null;
  const [t, f] = await Promise.all([getTranslations('terms.banner'), getFormatters()]);
  return (
    <div role="region" aria-label={t('label')} className="border-b border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2">
        <p>
          {t('text', { version: pending.version, date: f.date(pending.publishedAt) })}{' '}
          <a href="/terms" className="font-medium underline">
            {t('link')}
          </a>
        </p>
        <InlineAction action={action} fields={{}} label={t('continue')} accessibleLabel={t('continueLabel', { version: pending.version })} />
      </div>
    </div>
  );
}

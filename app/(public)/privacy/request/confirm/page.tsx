import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { publicRequest } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { confirmRequest, type ConfirmResult } from '@/lib/privacy/requests';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('gdpr.confirm');
  return { title: t('metaTitle') };
}

/** GDPR-4: the emailed link. Opening it once confirms the request; later openings say so. */
export default async function ConfirmPrivacyRequestPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const meta = await publicRequest();
  const { token } = await searchParams;
  const result: ConfirmResult = typeof token === 'string' && token ? await confirmRequest(await getDb(), token, meta, now()) : { status: 'invalid' };
  const t = await getTranslations('gdpr.confirm');
  const f = await getFormatters();
  const values: Record<string, string> =
    result.status === 'confirmed' ? { reference: result.reference, due: f.date(result.dueAt) } : result.status === 'used' ? { reference: result.reference } : {};
  const ok = result.status === 'confirmed' || result.status === 'used';
  return (
    <div className="mx-auto max-w-lg px-4 py-12 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t(`${result.status}.title`)}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">{t(`${result.status}.body`, values)}</p>
        {!ok && (
          <Link href="/privacy/request" className="mt-6 inline-block text-sm font-medium">
            {t('newRequest')}
          </Link>
        )}
      </div>
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SubscribeAgain, UnsubscribeForm } from '@/components/privacy/address-forms';
import { getDb } from '@/db/client';
import { publicRequest } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { unsubscribeAddress } from '@/lib/privacy/marketing';
import { verifyUnsubscribeToken } from '@/lib/privacy/unsubscribe-token';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('consents.unsubscribe');
  return { title: t('metaTitle') };
}

/**
 * GDPR-10: the link in every marketing email lands here and takes effect at once (the signed token
 * names the address); without a token, the form asks for the address.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const meta = await publicRequest();
  const { token } = await searchParams;
  const t = await getTranslations('consents.unsubscribe');
  const given = typeof token === 'string' ? token : undefined;
  const named = given ? verifyUnsubscribeToken(given) : null;
  if (named) await unsubscribeAddress(await getDb(), named.email, { channel: 'link', ip: meta.ip }, now());
  return (
    <div className="mx-auto max-w-lg px-4 py-12 sm:py-16">
      <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
        {named ? (
          <>
            <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              {t('linkDone', { email: named.email })}
            </p>
            <SubscribeAgain email={named.email} />
          </>
        ) : (
          <>
            {given && (
              <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t('linkInvalid')}
              </p>
            )}
            <p className="text-sm text-slate-600">{t('intro')}</p>
            <UnsubscribeForm />
          </>
        )}
      </div>
    </div>
  );
}

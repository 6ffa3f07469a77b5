import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { NewsSubscribe } from '@/components/privacy/news-subscribe';

const POINTS = ['start', 'billing', 'data'] as const;

export default async function Home() {
  const t = await getTranslations('public.home');
  const news = await getTranslations('consents.news');
  return (
    <div>
      <section className="bg-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t('eyebrow')}</p>
          <h1 className="mt-2 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t('title')}</h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-600">{t('intro')}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/signup" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white no-underline hover:bg-brand-800 hover:no-underline">
              {t('startTrial')}
            </Link>
            <Link href="/pricing" className="rounded-md border border-slate-300 bg-white px-5 py-3 font-semibold text-slate-800 no-underline hover:bg-slate-50 hover:no-underline">
              {t('seePricing')}
            </Link>
            <Link href="/appsumo" className="self-center px-2 text-sm">
              {t('dealCode')}
            </Link>
          </div>
        </div>
      </section>
      <section className="mx-auto grid max-w-6xl gap-6 px-4 py-12 sm:grid-cols-3">
        {POINTS.map((p) => (
          <div key={p} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h2 className="text-lg font-semibold text-slate-900">{t(`points.${p}.title`)}</h2>
            <p className="mt-2 text-sm text-slate-600">{t(`points.${p}.text`)}</p>
          </div>
        ))}
      </section>
      {/* GDPR-10: product news for people without an account (double opt-in). */}
      <section aria-labelledby="product-news" className="mx-auto max-w-6xl px-4 pb-16">
        <div className="max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="product-news" className="text-lg font-semibold text-slate-900">
            {news('title')}
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">{news('intro')}</p>
          <NewsSubscribe />
        </div>
      </section>
    </div>
  );
}

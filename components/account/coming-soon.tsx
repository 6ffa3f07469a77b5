import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page';

/** An honest page for a portal section that ships in a later release: no made-up data. */
export async function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  const t = await getTranslations('account.comingSoon');
  return (
    <>
      <PageHeader title={title} />
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm text-slate-700">{children}</p>
        <p className="mt-4 text-sm">
          <Link href="/account">{t('back')}</Link>
        </p>
      </section>
    </>
  );
}

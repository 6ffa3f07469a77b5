import Link from 'next/link';
import { PageHeader } from '@/components/ui/page';

/** An honest page for a portal section that ships in a later release: no made-up data. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm text-slate-700">{children}</p>
        <p className="mt-4 text-sm">
          <Link href="/account">Back to My account</Link>
        </p>
      </section>
    </>
  );
}

import { ComingSoon } from '@/components/ui/coming-soon';

export const metadata = { title: 'Unsubscribe' };

export default function Page() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-slate-900">Unsubscribe</h1>
      <ComingSoon>The unsubscribe form for our mailing list arrives with the privacy release. Every marketing email already contains a link to stop further mailings.</ComingSoon>
    </div>
  );
}

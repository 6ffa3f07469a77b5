import { ComingSoon } from '@/components/ui/coming-soon';

export const metadata = { title: 'Privacy request' };

export default function Page() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-slate-900">Privacy request</h1>
      <ComingSoon>The form for privacy requests (a copy of your data, corrections, erasure and more) arrives with the privacy release. Until then, send your request to our support team by email.</ComingSoon>
    </div>
  );
}

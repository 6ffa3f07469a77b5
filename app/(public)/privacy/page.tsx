import { ComingSoon } from '@/components/ui/coming-soon';

export const metadata = { title: 'Privacy' };

export default function Page() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-slate-900">Privacy</h1>
      <ComingSoon>How we handle personal data — the data we keep, why, for how long, who processes it and how to use your rights — will be published here with the privacy release. Until then, write to our support team with any privacy question.</ComingSoon>
    </div>
  );
}

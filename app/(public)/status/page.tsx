import { ComingSoon } from '@/components/ui/coming-soon';

export const metadata = { title: 'Service status' };

export default function Page() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-slate-900">Service status</h1>
      <ComingSoon>Planned maintenance will be announced on this page and in the portal once the operations release is out. Until then, announcements reach account owners by email.</ComingSoon>
    </div>
  );
}

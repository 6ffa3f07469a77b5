import { EmptyState, PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export default async function StaffCancellations() {
  await requireStaff();
  return (
    <>
      <PageHeader title="Cancellations" />
      <EmptyState>The overview of stopped accounts and cancellation follow-up arrives here with the cancellations release.</EmptyState>
    </>
  );
}

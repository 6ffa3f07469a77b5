import { EmptyState, PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export default async function StaffGdpr() {
  await requireStaff();
  return (
    <>
      <PageHeader title="Privacy requests" />
      <EmptyState>Access, correction and erasure requests from customers and their people are handled here from the privacy release onwards.</EmptyState>
    </>
  );
}

import { EmptyState, PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export default async function StaffDeals() {
  await requireStaff();
  return (
    <>
      <PageHeader title="Deals" />
      <EmptyState>Lifetime-deal codes (importing, searching and tracking redemptions) arrive here with the deals release.</EmptyState>
    </>
  );
}

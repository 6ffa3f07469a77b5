import { EmptyState, PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export default async function StaffPrices() {
  await requireStaff();
  return (
    <>
      <PageHeader title="Prices" />
      <EmptyState>Announcing and scheduling price changes arrives here with the pricing release.</EmptyState>
    </>
  );
}

import { EmptyState, PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export default async function StaffCustomServices() {
  await requireStaff();
  return (
    <>
      <PageHeader title="Custom services" />
      <EmptyState>Custom-service agreements (offers, acceptance and their invoices) arrive here with the custom services release.</EmptyState>
    </>
  );
}

import { EmptyState, PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export default async function StaffMaintenance() {
  await requireStaff();
  return (
    <>
      <PageHeader title="Maintenance" />
      <EmptyState>Announcing planned downtime on the status page and in the portal arrives here with the maintenance release.</EmptyState>
    </>
  );
}

import { PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export default async function StaffDashboard() {
  await requireStaff();
  return <PageHeader title="Staff dashboard" />;
}

import { EmptyState, PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export default async function StaffTerms() {
  await requireStaff();
  return (
    <>
      <PageHeader title="Terms" />
      <EmptyState>Publishing new terms-of-service versions and following their acceptance arrives here with the terms release.</EmptyState>
    </>
  );
}

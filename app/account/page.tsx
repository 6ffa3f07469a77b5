import { PageHeader } from '@/components/ui/page';
import { requireMember } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  const ctx = await requireMember();
  return <PageHeader title="My account" description={ctx.account.slug} />;
}

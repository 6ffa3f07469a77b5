import { ComingSoon } from '@/components/account/coming-soon';
import { requireOwner } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Users' };

export default async function Page() {
  await requireOwner();
  return <ComingSoon title="Users">Managing users (inviting admins and agents, one login per person, up to your seat count) arrives in an upcoming release. For now, only the owner login exists.</ComingSoon>;
}

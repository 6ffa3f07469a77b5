import { ComingSoon } from '@/components/account/coming-soon';
import { requireOwner } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Plan' };

export default async function Page() {
  await requireOwner();
  return <ComingSoon title="Plan">Choosing and changing your plan and seats arrives in an upcoming release.</ComingSoon>;
}

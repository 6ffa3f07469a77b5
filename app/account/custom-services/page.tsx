import { ComingSoon } from '@/components/account/coming-soon';
import { requireMember } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Custom services' };

export default async function Page() {
  await requireMember();
  return <ComingSoon title="Custom services">Agreements for custom services arrive in an upcoming release.</ComingSoon>;
}

import { ComingSoon } from '@/components/account/coming-soon';
import { requireOwner } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Billing' };

export default async function Page() {
  await requireOwner();
  return <ComingSoon title="Billing">Payment methods, billing details and your VAT number arrive in an upcoming release. Nothing is charged until then.</ComingSoon>;
}

import { ComingSoon } from '@/components/account/coming-soon';
import { requireOwner } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Invoices' };

export default async function Page() {
  await requireOwner();
  return <ComingSoon title="Invoices">Invoices and credit notes arrive in an upcoming release together with billing. No invoices have been issued yet.</ComingSoon>;
}

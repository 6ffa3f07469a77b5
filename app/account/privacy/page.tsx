import Link from 'next/link';
import { ComingSoon } from '@/components/account/coming-soon';
import { requireMember } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Privacy' };

export default async function Page() {
  await requireMember();
  return <ComingSoon title="Privacy">Managing your consents and privacy requests from here arrives in an upcoming release. You can already read how we handle personal data on our <Link href="/privacy">privacy page</Link>, and anyone can already <Link href="/privacy/request">send a privacy request</Link>.</ComingSoon>;
}

import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { publicRequest } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { findInvitation } from '@/lib/team/service';
import { AcceptInvitationForm } from './accept-invitation-form';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('team.invitation');
  // The token is in this page's address: never send it on to another site.
  return { title: t('metaTitle'), referrer: 'no-referrer' };
}

export default async function InvitationPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await publicRequest();
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  const found = await findInvitation(await getDb(), value, now());
  const t = await getTranslations('team.invitation');
  const tRoles = await getTranslations('team.roles');
  const tErrors = await getTranslations('team.errors.invitation');
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {found.state === 'valid' && found.invitation ? (
          <>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('title', { company: found.companyName })}</h1>
            <p className="mt-1 text-sm text-slate-600">{t('intro', { email: found.invitation.email ?? '', role: tRoles(found.invitation.role) })}</p>
            <AcceptInvitationForm token={value} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('unusableTitle')}</h1>
            <p className="mt-3 text-sm leading-6 text-slate-600">{tErrors(found.state)}</p>
            <p className="mt-6 text-sm">
              <Link href="/login">{t('signIn')}</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PrivacyRequestForm } from '@/components/privacy/request-form';
import { currentUser, publicRequest } from '@/lib/auth/guards';
import { sellerSnapshot } from '@/lib/invoices/seller';
import { fileRequestAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('gdpr.public');
  return { title: t('metaTitle') };
}

/** GDPR-3: anyone's privacy request; a signed-in person finds their name and email filled in. */
export default async function PrivacyRequestPage() {
  await publicRequest();
  const signedIn = await currentUser();
  const t = await getTranslations('gdpr.public');
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {/* The form's messages only (not for the confirmation page below this one). */}
        <ClientMessages name="privacyRequest">
          <PrivacyRequestForm
            action={fileRequestAction}
            controller={sellerSnapshot().name}
            fullName={signedIn?.user.fullName ?? ''}
            email={signedIn?.user.email ?? ''}
            intro={
              <>
                <p className="mt-2 text-sm leading-6 text-slate-600">{t('intro')}</p>
                <p className="mt-2 text-sm leading-6 text-slate-600">{t('steps')}</p>
                {signedIn && <p className="mt-2 text-sm text-slate-600">{t('signedIn')}</p>}
              </>
            }
          />
        </ClientMessages>
      </div>
    </div>
  );
}

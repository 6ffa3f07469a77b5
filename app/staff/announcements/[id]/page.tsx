import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/page';
import { InlineAction } from '@/components/ui/inline-action';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { renderEmail } from '@/lib/email/render';
import { appUrl } from '@/lib/http/request';
import { getFormatters } from '@/lib/i18n/server';
import { announcementEmail, getAnnouncement } from '@/lib/privacy/announcements';
import { marketingRecipients } from '@/lib/privacy/marketing';
import { sendAnnouncementAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('consents.announcements');
  return { title: t('title') };
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** GDPR-10: an announcement's preview in both languages, and sending it. */
export default async function AnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const a = await getAnnouncement(db, id);
  if (!a) notFound();
  const t = await getTranslations('consents.announcements');
  const f = await getFormatters();
  // The preview shows where each recipient's own link goes, without a real token.
  const sampleLink = `${appUrl()}/unsubscribe?token=…`;
  const previews = (['en', 'nl'] as const).map((locale) => ({ locale, mail: renderEmail(announcementEmail(a, locale, sampleLink)) }));
  const audience = a.sentAt ? null : (await marketingRecipients(db)).length;
  return (
    <>
      <PageHeader title={a.subjectEn} description={<Link href="/staff/announcements">{t('back')}</Link>} />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2">
          {previews.map(({ locale, mail }) => (
            <Card key={locale} title={t('previewTitle', { language: t(locale === 'en' ? 'english' : 'dutch') })}>
              <div lang={locale} className="space-y-2 text-sm">
                <p className="font-medium text-slate-900">{t('subjectLine', { subject: mail.subject })}</p>
                <pre className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-sans text-slate-700">{mail.text}</pre>
              </div>
            </Card>
          ))}
        </div>
        <Card title={t('sendTitle')}>
          {a.sentAt ? (
            <p className="text-sm text-slate-700">{t('alreadySentOn', { date: f.dateTime(a.sentAt), count: a.recipients ?? 0 })}</p>
          ) : (
            <div className="space-y-3 text-sm text-slate-700">
              <p>{t('sendIntro', { count: audience ?? 0 })}</p>
              <InlineAction action={sendAnnouncementAction} fields={{ announcementId: a.id }} label={t('send')} />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

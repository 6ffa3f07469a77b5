// GDPR-1: the privacy notice. The controller comes from the same configuration as the seller on
// invoices, the sub-processors live from the staff-managed table (in the reader's language), and
// the cookie table from the list of cookies the app really sets.
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChangeCookieChoiceButton } from '@/components/privacy/cookie-banner';
import { DataTable } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import { countryName } from '@/lib/billing/countries';
import { isLocale } from '@/lib/i18n/config';
import { sellerSnapshot } from '@/lib/invoices/seller';
import { NECESSARY_COOKIES } from '@/lib/privacy/cookie-choice';
import { publicSubProcessors } from '@/lib/privacy/sub-processors';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy.page');
  return { title: t('metaTitle') };
}

const SECTIONS = ['controller', 'categories', 'sources', 'purposes', 'profiling', 'retention', 'subProcessors', 'rights', 'consent', 'authority', 'cookies'] as const;
type SectionKey = (typeof SECTIONS)[number];
const anchor = (key: SectionKey) => (key === 'subProcessors' ? 'sub-processors' : key);

const CATEGORIES = ['account', 'users', 'billing', 'paymentMethod', 'invoices', 'consents', 'requests', 'security', 'emails', 'newsletter'] as const;
const SOURCES = ['you', 'team', 'processor', 'system'] as const;
const PURPOSES = ['service', 'accounting', 'security', 'marketing', 'customerService'] as const;
const RIGHTS = ['information', 'access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdrawal', 'complaint'] as const;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 space-y-3">
      <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Bullets({ items }: { items: readonly string[] }) {
  return (
    <ul className="list-disc space-y-1.5 pl-5">
      {items.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}

export default async function PrivacyPage() {
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const [t, subProcessors] = await Promise.all([getTranslations('privacy.page'), publicSubProcessors(await getDb(), locale)]);
  const seller = sellerSnapshot();
  const title = (key: SectionKey) => t(`${key}.title`);
  return (
    <div className="mx-auto max-w-3xl px-4 py-12 text-slate-700">
      <h1 className="mb-4 text-3xl font-bold tracking-tight text-slate-900">{t('title')}</h1>
      <p className="mb-8">{t('intro')}</p>

      <nav aria-label={t('contents')} className="mb-10 rounded-lg border border-slate-200 bg-white p-4">
        <p className="mb-2 font-semibold text-slate-900">{t('contents')}</p>
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {SECTIONS.map((key) => (
            <li key={key}>
              <a href={`#${anchor(key)}`}>{title(key)}</a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="space-y-10">
        <Section id={anchor('controller')} title={title('controller')}>
          <p>{t('controller.text')}</p>
          <address className="not-italic">
            <strong className="text-slate-900">{seller.company}</strong>
            <br />
            {seller.street}
            <br />
            {seller.postalCode} {seller.city}
            <br />
            {countryName(seller.country, locale)}
            <br />
            {t('controller.companyId', { id: seller.companyId })}
            {seller.vatNumber && (
              <>
                <br />
                {t('controller.vatNumber', { vat: seller.vatNumber })}
              </>
            )}
          </address>
          <p>
            {t.rich('controller.contact', {
              email: seller.email,
              link: (chunks) => <a href={`mailto:${seller.email}`}>{chunks}</a>,
              request: (chunks) => <Link href="/privacy/request">{chunks}</Link>,
            })}
          </p>
        </Section>

        <Section id={anchor('categories')} title={title('categories')}>
          <p>{t('categories.text')}</p>
          <Bullets items={CATEGORIES.map((k) => t(`categories.${k}`))} />
        </Section>

        <Section id={anchor('sources')} title={title('sources')}>
          <Bullets items={SOURCES.map((k) => t(`sources.${k}`))} />
          <p>{t('sources.none')}</p>
        </Section>

        <Section id={anchor('purposes')} title={title('purposes')}>
          <DataTable
            caption={t('purposes.caption')}
            rows={PURPOSES}
            rowKey={(k) => k}
            empty={null}
            columns={[
              { header: t('purposes.purpose'), className: 'min-w-48', cell: (k) => t(`purposes.${k}`) },
              { header: t('purposes.basis'), className: 'min-w-48', cell: (k) => t(`purposes.${k}Basis`) },
            ]}
          />
        </Section>

        <Section id={anchor('profiling')} title={title('profiling')}>
          <p>{t('profiling.text')}</p>
        </Section>

        <Section id={anchor('retention')} title={title('retention')}>
          <Bullets items={[t('retention.customers'), t('retention.invoices'), t('retention.nonCustomers')]} />
          <p>{t('retention.after')}</p>
        </Section>

        <Section id={anchor('subProcessors')} title={title('subProcessors')}>
          <p>{t('subProcessors.text')}</p>
          <DataTable
            caption={t('subProcessors.caption')}
            rows={subProcessors}
            rowKey={(r) => r.id}
            empty={t('subProcessors.empty')}
            columns={[
              { header: t('subProcessors.name'), className: 'font-medium text-slate-900', cell: (r) => r.name },
              { header: t('subProcessors.purpose'), className: 'min-w-48', cell: (r) => r.purpose },
              { header: t('subProcessors.country'), cell: (r) => countryName(r.country, locale) },
              {
                header: t('subProcessors.website'),
                cell: (r) =>
                  r.website ? (
                    <a href={r.website} rel="noopener noreferrer" className="underline wrap-anywhere">
                      {new URL(r.website).hostname}
                    </a>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Section>

        <Section id={anchor('rights')} title={title('rights')}>
          <p>{t('rights.text')}</p>
          <Bullets items={RIGHTS.map((k) => t(`rights.${k}`))} />
          <p>
            <Link href="/privacy/request" className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white no-underline hover:bg-brand-800 hover:no-underline">
              {t('rights.request')}
            </Link>
          </p>
        </Section>

        <Section id={anchor('consent')} title={title('consent')}>
          <ul className="list-disc space-y-1.5 pl-5">
            <li>{t.rich('consent.portal', { link: (chunks) => <Link href="/account/privacy">{chunks}</Link> })}</li>
            <li>{t.rich('consent.form', { link: (chunks) => <Link href="/privacy/request">{chunks}</Link> })}</li>
          </ul>
          <p>{t('consent.effect')}</p>
        </Section>

        <Section id={anchor('authority')} title={title('authority')}>
          <p>{t('authority.text')}</p>
          <address className="not-italic">
            <strong className="text-slate-900">
              {t('authority.name')}
            </strong>
            <br />
            {t('authority.address')}
            <br />
            <a href="https://dataprotection.gov.sk" rel="noopener noreferrer">
              dataprotection.gov.sk
            </a>
          </address>
        </Section>

        <Section id={anchor('cookies')} title={title('cookies')}>
          <p>{t('cookies.text')}</p>
          <DataTable
            caption={t('cookies.caption')}
            rows={NECESSARY_COOKIES}
            rowKey={(c) => c.name}
            empty={null}
            columns={[
              { header: t('cookies.name'), cell: (c) => <code className="wrap-anywhere">{c.name}</code> },
              { header: t('cookies.purpose'), className: 'min-w-40', cell: (c) => t(`cookies.purposes.${c.purpose}`) },
              { header: t('cookies.lifetime'), cell: (c) => t(`cookies.lifetimes.${c.lifetime}`) },
            ]}
          />
          <p>{t('cookies.botCheck')}</p>
          <p>{t('cookies.change')}</p>
          <ChangeCookieChoiceButton label={t('cookies.changeButton')} />
        </Section>
      </div>
    </div>
  );
}

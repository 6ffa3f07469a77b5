// A seller or buyer as printed on the document (the snapshot taken when it was issued); the
// country is named in the reader's language.
import { getTranslations } from 'next-intl/server';
import type { PartySnapshot } from '@/db/schema';
import { countryName } from '@/lib/billing/countries';
import { requestLocale } from '@/lib/i18n/server';

export async function PartyAddress({ party }: { party: PartySnapshot }) {
  const [t, locale] = await Promise.all([getTranslations('account.party'), requestLocale()]);
  const lines = [
    party.company || party.name,
    party.company && party.name && party.company !== party.name ? party.name : '',
    party.street,
    [party.postalCode, party.city].filter(Boolean).join(' '),
    [party.region, countryName(party.country, locale)].filter(Boolean).join(', '),
  ].filter((l) => l.trim());
  return (
    <address className="space-y-0.5 text-sm not-italic text-slate-700">
      {lines.map((l, i) => (
        <div key={i} className={i === 0 ? 'font-medium text-slate-900' : undefined}>
          {l}
        </div>
      ))}
      {party.companyId && <div>{t('companyId', { id: party.companyId })}</div>}
      {party.vatNumber && <div>{t('vatNumber', { number: party.vatNumber })}</div>}
      {party.email && <div className="break-all">{party.email}</div>}
    </address>
  );
}

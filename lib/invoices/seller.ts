// INV-2: the seller on every document, from configuration (SELLER_* variables), with the
// vendor's defaults.
import type { PartySnapshot } from '@/db/schema';

export function sellerSnapshot(): PartySnapshot {
  const e = process.env;
  return {
    name: e.SELLER_NAME ?? 'Accountdesk vendor s.r.o.',
    company: e.SELLER_NAME ?? 'Accountdesk vendor s.r.o.',
    street: e.SELLER_STREET ?? 'Vajnorská 100/A',
    city: e.SELLER_CITY ?? 'Bratislava',
    postalCode: e.SELLER_POSTAL_CODE ?? '831 04',
    region: e.SELLER_REGION ?? 'Bratislavský kraj',
    country: 'SK',
    email: e.SELLER_EMAIL ?? 'billing@accountdesk.app',
    companyId: e.SELLER_COMPANY_ID ?? '36 000 000',
    vatNumber: e.SELLER_VAT_NUMBER ?? 'SK2020000000',
  };
}

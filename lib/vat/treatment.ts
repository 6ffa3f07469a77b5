// INV-2: which VAT an invoice carries, decided from the buyer's billing country and VAT number
// as they are at issue time. The seller is Slovak.
import { euIsoCode, standardRate } from './rates';

export const SELLER_COUNTRY = 'SK';

export type VatTreatment =
  | { kind: 'domestic'; rate: number; country: 'SK' }
  | { kind: 'reverse_charge'; rate: 0; country: string }
  | { kind: 'eu_consumer'; rate: number; country: string }
  | { kind: 'outside_eu'; rate: 0; country: string };

export const REVERSE_CHARGE_NOTE =
  'Reverse charge: VAT to be accounted for by the customer (Article 196, Council Directive 2006/112/EC).';

export function vatTreatment(input: {
  /** Billing country: ISO 3166-1 alpha-2, or a VAT prefix (EL for Greece). */
  country: string;
  /** A VAT number that passed validation, or null. */
  vatNumber: string | null;
  /** Issue day on the Bratislava calendar, YYYY-MM-DD. */
  day: string;
}): VatTreatment {
  const eu = euIsoCode(input.country);
  if (eu === SELLER_COUNTRY) return { kind: 'domestic', rate: standardRate('SK', input.day), country: 'SK' };
  if (!eu) return { kind: 'outside_eu', rate: 0, country: input.country.toUpperCase() };
  const country = eu;
  if (input.vatNumber) return { kind: 'reverse_charge', rate: 0, country };
  return { kind: 'eu_consumer', rate: standardRate(country, input.day), country };
}

// INV-3: ISO 3166-1 alpha-2 countries for the billing form, and the company identifier each
// country requires of a business.
import type { Locale } from '@/lib/i18n/config';
import { isEuCountry } from '@/lib/vat/rates';

const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(' ');

const displayNames = new Map<string, Intl.DisplayNames>();
function namesIn(locale: Locale): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
  return names;
}

const countryLists = new Map<string, { code: string; name: string }[]>();

/** Every country with its name in the reader's language, sorted by that name in that language. */
export function countriesFor(locale: Locale = 'en'): { code: string; name: string }[] {
  let list = countryLists.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = CODES.map((code) => ({ code, name: namesIn(locale).of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
    countryLists.set(locale, list);
  }
  return list;
}

/** The English list (kept for callers that have no reader). */
export const COUNTRIES: { code: string; name: string }[] = countriesFor('en');

export const COUNTRY_CODES = new Set(CODES);

/** A country's name in the given language (English unless told). */
export function countryName(code: string, locale: Locale = 'en'): string {
  return namesIn(locale).of(code) ?? code;
}

export interface CompanyIdRule {
  /** What the identifier is called locally (the same in every language), shown in the field's hint. */
  name: string;
  /** How many digits it has: the hint says "IČO (8 digits)" in the reader's language. */
  digits: number;
  pattern: RegExp;
  example: string;
}

/**
 * Businesses in these countries must give their registration number; elsewhere it is optional.
 * (decision: the business registers whose number appears on invoices in the vendor's markets)
 */
export const COMPANY_ID_RULES: Record<string, CompanyIdRule> = {
  SK: { name: 'IČO', digits: 8, pattern: /^\d{8}$/, example: '35 757 442' },
  CZ: { name: 'IČO', digits: 8, pattern: /^\d{8}$/, example: '27 082 440' },
  PL: { name: 'NIP', digits: 10, pattern: /^\d{10}$/, example: '526-000-12-46' },
  HU: { name: 'cégjegyzékszám', digits: 10, pattern: /^\d{10}$/, example: '01-09-562739' },
};

export function normalizeCompanyId(raw: string): string {
  return raw.replace(/[\s.\-/]/g, '');
}

/** An EU member state, by ISO code or VAT prefix (GR and EL are both Greece). */
export function isEu(code: string): boolean {
  return isEuCountry(code);
}

// INV-3: ISO 3166-1 alpha-2 countries for the billing form, and the company identifier each
// country requires of a business.
import { isEuCountry } from '@/lib/vat/rates';

const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(' ');

const names = new Intl.DisplayNames(['en'], { type: 'region' });

export const COUNTRIES: { code: string; name: string }[] = CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
  a.name.localeCompare(b.name, 'en'),
);

export const COUNTRY_CODES = new Set(CODES);

export function countryName(code: string): string {
  return names.of(code) ?? code;
}

export interface CompanyIdRule {
  /** What the identifier is called locally, shown as the field's hint. */
  name: string;
  pattern: RegExp;
  example: string;
}

/**
 * Businesses in these countries must give their registration number; elsewhere it is optional.
 * (decision: the business registers whose number appears on invoices in the vendor's markets)
 */
export const COMPANY_ID_RULES: Record<string, CompanyIdRule> = {
  SK: { name: 'IČO (8 digits)', pattern: /^\d{8}$/, example: '35 757 442' },
  CZ: { name: 'IČO (8 digits)', pattern: /^\d{8}$/, example: '27 082 440' },
  PL: { name: 'NIP (10 digits)', pattern: /^\d{10}$/, example: '526-000-12-46' },
  HU: { name: 'cégjegyzékszám (10 digits)', pattern: /^\d{10}$/, example: '01-09-562739' },
};

export function normalizeCompanyId(raw: string): string {
  return raw.replace(/[\s.\-/]/g, '');
}

/** An EU member state, by ISO code or VAT prefix (GR and EL are both Greece). */
export function isEu(code: string): boolean {
  return isEuCountry(code);
}

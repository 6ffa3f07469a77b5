// INV-4: VAT numbers are checked for format and checksum per country (jsvat).
import { checkVAT, countries } from 'jsvat';
import { isEuCountry } from './rates';

export type VatNumberCheck = { ok: true; normalized: string } | { ok: false; message: string };

/** Greece's VAT prefix is EL, not its ISO code GR. */
function vatPrefix(country: string): string {
  return country === 'GR' ? 'EL' : country;
}

export function checkVatNumber(raw: string, billingCountry: string): VatNumberCheck {
  const country = billingCountry.toUpperCase();
  if (!isEuCountry(country)) {
    return { ok: false, message: 'VAT numbers apply only to businesses in the EU; leave this empty for your country.' };
  }
  const compact = raw.replace(/[\s.\-]/g, '').toUpperCase();
  if (!compact) return { ok: false, message: 'Enter your VAT number.' };
  const prefix = vatPrefix(country);
  const withPrefix = /^[A-Z]{2}/.test(compact) ? compact : `${prefix}${compact}`;
  if (!withPrefix.startsWith(prefix)) {
    return { ok: false, message: `A VAT number for your billing country starts with ${prefix}.` };
  }
  const result = checkVAT(withPrefix, countries);
  if (!result.isValidFormat) return { ok: false, message: `This is not a valid ${prefix} VAT number format.` };
  if (!result.isValid) return { ok: false, message: 'This VAT number fails its check digit; please check it for typos.' };
  return { ok: true, normalized: withPrefix };
}

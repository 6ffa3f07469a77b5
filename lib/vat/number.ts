// INV-4: VAT numbers are checked for format and checksum per country (jsvat).
import { checkVAT, countries } from 'jsvat';
import { euIsoCode, vatPrefixOf } from './rates';

export type VatNumberCheck = { ok: true; normalized: string } | { ok: false; message: string };

/**
 * Checks a VAT number against the billing country (ISO code, or VAT prefix: GR and EL are both
 * Greece). The number may come without its prefix, with the VAT prefix, or — for Greece — with
 * the ISO code GR (decision: accepted, since owners copy it from their ISO-coded address); it is
 * always stored with the VAT prefix (EL…), which is what VIES and jsvat expect.
 */
export function checkVatNumber(raw: string, billingCountry: string): VatNumberCheck {
  const country = euIsoCode(billingCountry);
  if (!country) {
    return { ok: false, message: 'VAT numbers apply only to businesses in the EU; leave this empty for your country.' };
  }
  const compact = raw.replace(/[\s.\-]/g, '').toUpperCase();
  if (!compact) return { ok: false, message: 'Enter your VAT number.' };
  const prefix = vatPrefixOf(country);
  const given = /^[A-Z]{2}/.test(compact) ? compact.slice(0, 2) : null;
  // GR… and EL… both name Greece: keep the digits, write the VAT prefix.
  const withPrefix = given === null ? `${prefix}${compact}` : euIsoCode(given) === country ? `${prefix}${compact.slice(2)}` : compact;
  if (!withPrefix.startsWith(prefix)) {
    return { ok: false, message: `A VAT number for your billing country starts with ${prefix}.` };
  }
  const result = checkVAT(withPrefix, countries);
  if (!result.isValidFormat) return { ok: false, message: `This is not a valid ${prefix} VAT number format.` };
  if (!result.isValid) return { ok: false, message: 'This VAT number fails its check digit; please check it for typos.' };
  return { ok: true, normalized: withPrefix };
}

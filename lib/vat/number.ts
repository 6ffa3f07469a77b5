// INV-4: VAT numbers are checked for format and checksum per country (jsvat).
import { checkVAT, countries } from 'jsvat';
import { msg } from '@/lib/i18n/message-ref';
import { euIsoCode, vatPrefixOf } from './rates';

/** `message` is a catalogue reference (billing.errors.*), translated where it is shown. */
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
    return { ok: false, message: msg('billing.errors.vatOutsideEu') };
  }
  const compact = raw.replace(/[\s.\-]/g, '').toUpperCase();
  if (!compact) return { ok: false, message: msg('billing.errors.vatRequired') };
  const prefix = vatPrefixOf(country);
  const given = /^[A-Z]{2}/.test(compact) ? compact.slice(0, 2) : null;
  // GR… and EL… both name Greece: keep the digits, write the VAT prefix.
  const withPrefix = given === null ? `${prefix}${compact}` : euIsoCode(given) === country ? `${prefix}${compact.slice(2)}` : compact;
  if (!withPrefix.startsWith(prefix)) {
    return { ok: false, message: msg('billing.errors.vatPrefix', { prefix }) };
  }
  const result = checkVAT(withPrefix, countries);
  if (!result.isValidFormat) return { ok: false, message: msg('billing.errors.vatFormat', { prefix }) };
  if (!result.isValid) return { ok: false, message: msg('billing.errors.vatCheckDigit') };
  return { ok: true, normalized: withPrefix };
}

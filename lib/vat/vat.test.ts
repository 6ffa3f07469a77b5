import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkVatNumber } from './number';
import { EU_COUNTRIES, euIsoCode, standardRate, vatPrefixOf } from './rates';
import { isEu } from '@/lib/billing/countries';
import { billingDetailsSchema } from '@/lib/billing/schemas';
import { localeKit } from '@/lib/i18n/translator';

/** A refusal's message as an English reader sees it (the check returns a catalogue reference). */
const inEnglish = (r: ReturnType<typeof checkVatNumber>) => (r.ok ? r : { ...r, message: localeKit('en').text(r.message) });
import { vatTreatment } from './treatment';

const day = '2026-11-25';

describe('VAT treatment', () => {
  test('INV-2 a customer in Slovakia pays Slovak VAT (23 % since 2025, 20 % before)', () => {
    expect(vatTreatment({ country: 'SK', vatNumber: null, day })).toEqual({ kind: 'domestic', rate: 23, country: 'SK' });
    expect(vatTreatment({ country: 'SK', vatNumber: 'SK2020273893', day })).toMatchObject({ kind: 'domestic', rate: 23 });
    expect(vatTreatment({ country: 'SK', vatNumber: null, day: '2024-12-31' }).rate).toBe(20);
  });

  test('INV-2 an EU business with a valid VAT number pays 0 % under reverse charge', () => {
    expect(vatTreatment({ country: 'DE', vatNumber: 'DE136695976', day })).toEqual({ kind: 'reverse_charge', rate: 0, country: 'DE' });
  });

  test('INV-2 an EU customer without a VAT number pays their own country’s standard rate', () => {
    expect(vatTreatment({ country: 'DE', vatNumber: null, day })).toMatchObject({ kind: 'eu_consumer', rate: 19 });
    expect(vatTreatment({ country: 'FI', vatNumber: null, day })).toMatchObject({ rate: 25.5 });
    expect(vatTreatment({ country: 'HU', vatNumber: null, day })).toMatchObject({ rate: 27 });
    expect(vatTreatment({ country: 'RO', vatNumber: null, day: '2025-07-31' })).toMatchObject({ rate: 19 });
    expect(vatTreatment({ country: 'RO', vatNumber: null, day: '2025-08-01' })).toMatchObject({ rate: 21 });
  });

  test('INV-2 a customer outside the EU pays no VAT', () => {
    for (const country of ['US', 'GB', 'CH', 'NO', 'UA']) {
      expect(vatTreatment({ country, vatNumber: null, day })).toEqual({ kind: 'outside_eu', rate: 0, country });
    }
  });

  test('INV-2 every member state has a rate and every branch is total (property)', () => {
    expect(EU_COUNTRIES).toHaveLength(27);
    fc.assert(
      fc.property(
        fc.constantFrom(...EU_COUNTRIES, 'US', 'GB', 'CH', 'JP'),
        fc.option(fc.constant('XX123'), { nil: null }),
        fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (country, vatNumber, d) => {
          const t = vatTreatment({ country, vatNumber, day: d.toISOString().slice(0, 10) });
          if (country === 'SK') return t.kind === 'domestic' && t.rate === 23;
          if (!EU_COUNTRIES.includes(country)) return t.kind === 'outside_eu' && t.rate === 0;
          if (vatNumber) return t.kind === 'reverse_charge' && t.rate === 0;
          return t.kind === 'eu_consumer' && t.rate === standardRate(country, d.toISOString().slice(0, 10)) && t.rate >= 17;
        },
      ),
    );
  });
});

describe('Greece: VAT prefix EL and ISO code GR', () => {
  /** Standard rates on 25 Nov 2026, by ISO code, written out here rather than read from the table. */
  const RATES_2026: Record<string, number> = {
    AT: 20, BE: 21, BG: 20, CY: 19, CZ: 21, DE: 19, DK: 25, EE: 24, ES: 21, FI: 25.5, FR: 20, GR: 24, HR: 25, HU: 27,
    IE: 23, IT: 22, LT: 21, LU: 17, LV: 21, MT: 18, NL: 21, PL: 23, PT: 23, RO: 21, SE: 25, SI: 22, SK: 23,
  };

  test('INV-2 every member state, by ISO code and by VAT prefix (EL for Greece), is inside the EU with its own standard rate', () => {
    expect(Object.keys(RATES_2026).sort()).toEqual([...EU_COUNTRIES].sort());
    expect(vatPrefixOf('GR')).toBe('EL');
    for (const [iso, rate] of Object.entries(RATES_2026)) {
      const prefix = iso === 'GR' ? 'EL' : iso;
      expect(vatPrefixOf(iso)).toBe(prefix);
      for (const code of [iso, prefix, prefix.toLowerCase()]) {
        expect(euIsoCode(code)).toBe(iso);
        expect(isEu(code)).toBe(true);
        expect(standardRate(code, day)).toBe(rate);
        const consumer = vatTreatment({ country: code, vatNumber: null, day });
        const business = vatTreatment({ country: code, vatNumber: `${prefix}123`, day });
        expect(consumer.kind).not.toBe('outside_eu');
        expect(business.kind).not.toBe('outside_eu');
        if (iso === 'SK') {
          expect(consumer).toEqual({ kind: 'domestic', rate, country: 'SK' });
          expect(business).toEqual({ kind: 'domestic', rate, country: 'SK' });
        } else {
          expect(consumer).toEqual({ kind: 'eu_consumer', rate, country: iso });
          expect(business).toEqual({ kind: 'reverse_charge', rate: 0, country: iso });
        }
      }
    }
  });

  test('INV-2 codes that are neither a member state nor a VAT prefix stay outside the EU', () => {
    for (const code of ['GB', 'CH', 'NO', 'US', 'XI', 'EU', '']) {
      expect(euIsoCode(code)).toBeNull();
      expect(isEu(code)).toBe(false);
    }
  });

  test('INV-4 a Greek VAT number EL… is accepted for billing country GR (and EL), without its prefix, and with the ISO prefix GR; it is stored as EL…', () => {
    // 094259216: the weighted sum 256·0 + 128·9 + … + 2·1 = 1634 ≡ 6 (mod 11), the last digit.
    for (const raw of ['EL094259216', 'el 094 259 216', '094259216', 'GR094259216', 'GR 094259216']) {
      expect(checkVatNumber(raw, 'GR')).toEqual({ ok: true, normalized: 'EL094259216' });
      expect(checkVatNumber(raw, 'EL')).toEqual({ ok: true, normalized: 'EL094259216' });
    }
    expect(inEnglish(checkVatNumber('EL094259217', 'GR'))).toMatchObject({ ok: false, message: expect.stringMatching(/check digit/) });
    expect(inEnglish(checkVatNumber('DE136695976', 'GR'))).toMatchObject({ ok: false, message: expect.stringMatching(/starts with EL/) });
    expect(inEnglish(checkVatNumber('EL094259216', 'DE'))).toMatchObject({ ok: false, message: expect.stringMatching(/starts with DE/) });
  });

  test('INV-3 billing details sent with country EL are saved with the ISO code GR', () => {
    const parsed = billingDetailsSchema.parse({ name: 'Eleni Papadopoulou', street: 'Odos Ermou 1', city: 'Athens', postalCode: '105 63', country: 'EL', invoiceEmail: 'billing@example.gr' });
    expect(parsed.country).toBe('GR');
  });
});

describe('VAT number', () => {
  test('INV-4 valid numbers pass format and checksum, with or without the country prefix', () => {
    expect(checkVatNumber('DE136695976', 'DE')).toEqual({ ok: true, normalized: 'DE136695976' });
    expect(checkVatNumber('136 695 976', 'DE')).toEqual({ ok: true, normalized: 'DE136695976' });
    expect(checkVatNumber('BE0411905847', 'BE')).toMatchObject({ ok: true });
  });

  test('INV-4 a wrong checksum or format is refused with a clear message', () => {
    const bad = checkVatNumber('DE136695977', 'DE');
    expect(bad.ok).toBe(false);
    expect(inEnglish(checkVatNumber('DE12', 'DE'))).toMatchObject({ ok: false, message: expect.stringMatching(/format/) });
  });

  test('INV-4 the number must belong to the billing country, and only EU countries have one', () => {
    expect(inEnglish(checkVatNumber('BE0411905847', 'DE'))).toMatchObject({ ok: false, message: expect.stringMatching(/starts with DE/) });
    expect(checkVatNumber('123', 'US')).toMatchObject({ ok: false });
  });
});

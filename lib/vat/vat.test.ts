import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkVatNumber } from './number';
import { EU_COUNTRIES, standardRate } from './rates';
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

describe('VAT number', () => {
  test('INV-4 valid numbers pass format and checksum, with or without the country prefix', () => {
    expect(checkVatNumber('DE136695976', 'DE')).toEqual({ ok: true, normalized: 'DE136695976' });
    expect(checkVatNumber('136 695 976', 'DE')).toEqual({ ok: true, normalized: 'DE136695976' });
    expect(checkVatNumber('BE0411905847', 'BE')).toMatchObject({ ok: true });
  });

  test('INV-4 a wrong checksum or format is refused with a clear message', () => {
    const bad = checkVatNumber('DE136695977', 'DE');
    expect(bad.ok).toBe(false);
    expect(checkVatNumber('DE12', 'DE')).toMatchObject({ ok: false, message: expect.stringMatching(/format/) });
  });

  test('INV-4 the number must belong to the billing country, and only EU countries have one', () => {
    expect(checkVatNumber('BE0411905847', 'DE')).toMatchObject({ ok: false, message: expect.stringMatching(/starts with DE/) });
    expect(checkVatNumber('123', 'US')).toMatchObject({ ok: false });
  });
});

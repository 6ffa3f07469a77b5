// Standard VAT rates of the 27 EU member states, with the date each rate took effect, so an
// invoice always uses the rate in force on its issue date. Update this table when a state
// changes its rate (add a row; never edit a past one).
export interface RatePeriod {
  /** Percent, e.g. 23 or 25.5. */
  rate: number;
  /** First day (Bratislava calendar, YYYY-MM-DD) on which the rate applies. */
  from: string;
}

export const EU_STANDARD_RATES: Record<string, RatePeriod[]> = {
  AT: [{ rate: 20, from: '2016-01-01' }],
  BE: [{ rate: 21, from: '2016-01-01' }],
  BG: [{ rate: 20, from: '2016-01-01' }],
  CY: [{ rate: 19, from: '2016-01-01' }],
  CZ: [{ rate: 21, from: '2016-01-01' }],
  DE: [{ rate: 19, from: '2021-01-01' }],
  DK: [{ rate: 25, from: '2016-01-01' }],
  EE: [
    { rate: 20, from: '2016-01-01' },
    { rate: 22, from: '2024-01-01' },
    { rate: 24, from: '2025-07-01' },
  ],
  ES: [{ rate: 21, from: '2016-01-01' }],
  FI: [
    { rate: 24, from: '2016-01-01' },
    { rate: 25.5, from: '2024-09-01' },
  ],
  FR: [{ rate: 20, from: '2016-01-01' }],
  GR: [{ rate: 24, from: '2016-06-01' }],
  HR: [{ rate: 25, from: '2016-01-01' }],
  HU: [{ rate: 27, from: '2016-01-01' }],
  IE: [{ rate: 23, from: '2021-03-01' }],
  IT: [{ rate: 22, from: '2016-01-01' }],
  LT: [{ rate: 21, from: '2016-01-01' }],
  LU: [
    { rate: 17, from: '2016-01-01' },
    { rate: 16, from: '2023-01-01' },
    { rate: 17, from: '2024-01-01' },
  ],
  LV: [{ rate: 21, from: '2016-01-01' }],
  MT: [{ rate: 18, from: '2016-01-01' }],
  NL: [{ rate: 21, from: '2016-01-01' }],
  PL: [{ rate: 23, from: '2016-01-01' }],
  PT: [{ rate: 23, from: '2016-01-01' }],
  RO: [
    { rate: 19, from: '2017-01-01' },
    { rate: 21, from: '2025-08-01' },
  ],
  SE: [{ rate: 25, from: '2016-01-01' }],
  SI: [{ rate: 22, from: '2016-01-01' }],
  SK: [
    { rate: 20, from: '2011-01-01' },
    { rate: 23, from: '2025-01-01' },
  ],
};

/** ISO 3166-1 alpha-2 codes of the 27 member states. */
export const EU_COUNTRIES = Object.keys(EU_STANDARD_RATES);

/** Greece's VAT prefix is EL, its ISO code GR; every other member state's prefix is its ISO code. */
const VAT_PREFIX_TO_ISO: Record<string, string> = { EL: 'GR' };
const ISO_TO_VAT_PREFIX: Record<string, string> = { GR: 'EL' };

/**
 * The ISO code of the EU member state named by an ISO code or a VAT prefix (EL and GR both give
 * GR), or null outside the EU. Every VAT look-up goes through this, so Greece is Greece whichever
 * code a caller holds.
 */
export function euIsoCode(codeOrPrefix: string): string | null {
  const code = codeOrPrefix.trim().toUpperCase();
  const iso = VAT_PREFIX_TO_ISO[code] ?? code;
  return Object.hasOwn(EU_STANDARD_RATES, iso) ? iso : null;
}

/** The VAT number prefix of a member state given by ISO code or prefix (GR → EL). */
export function vatPrefixOf(country: string): string {
  const iso = euIsoCode(country) ?? country.toUpperCase();
  return ISO_TO_VAT_PREFIX[iso] ?? iso;
}

export function isEuCountry(country: string): boolean {
  return euIsoCode(country) !== null;
}

/** The standard rate of an EU state on a Bratislava calendar day (YYYY-MM-DD). */
export function standardRate(country: string, day: string): number {
  const iso = euIsoCode(country);
  const periods = iso ? EU_STANDARD_RATES[iso] : undefined;
  if (!periods) throw new Error(`${country} is not an EU member state`);
  let rate: number | undefined;
  for (const p of periods) if (p.from <= day) rate = p.rate;
  if (rate === undefined) throw new Error(`No VAT rate known for ${country} on ${day}`);
  return rate;
}

// Money is integer euro cents. VAT is computed per line and rounded half up, once.

/** a × b / c rounded half away from zero, exactly (BigInt), for integer inputs. */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  if (c === 0) throw new RangeError('division by zero');
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return Number(negative ? -q : q);
}

/** VAT of one line, in cents: net × rate%, rounded half up. Integer arithmetic in tenths of a percent. */
export function lineVat(netCents: number, ratePercent: number): number {
  // Rates such as 25.5 % are held as 255 tenths, so the arithmetic stays exact.
  return mulDivRoundHalfUp(netCents, Math.round(ratePercent * 10), 1000);
}

export interface Line {
  description: string;
  quantity: number;
  unitPriceCents: number;
}

export interface PricedLine extends Line {
  netCents: number;
  vatCents: number;
  grossCents: number;
}

export function priceLines(lines: Line[], ratePercent: number) {
  const priced: PricedLine[] = lines.map((l) => {
    const netCents = l.quantity * l.unitPriceCents;
    const vatCents = lineVat(netCents, ratePercent);
    return { ...l, netCents, vatCents, grossCents: netCents + vatCents };
  });
  const sum = (k: 'netCents' | 'vatCents' | 'grossCents') => priced.reduce((s, l) => s + l[k], 0);
  return { lines: priced, netCents: sum('netCents'), vatCents: sum('vatCents'), grossCents: sum('grossCents') };
}

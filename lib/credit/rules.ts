// INV-7, INV-8: the pure rules of prepaid credit. No database, no clock: every instant is passed in.
import { lineVat, mulDivRoundHalfUp } from '@/lib/billing/money';
import { nextPeriodEnd, type Interval } from '@/lib/billing/periods';

/** INV-8: the share of the unused remainder kept as the cancellation fee unless configured otherwise. */
export const DEFAULT_CANCELLATION_FEE_PERCENT = 50;

/**
 * INV-8: the cancellation fee in percent of the unused remainder, from PREPAID_CREDIT_CANCELLATION_FEE_PERCENT
 * (a whole number from 0 to 100); the default when unset. A malformed value is refused loudly
 * rather than silently refunding the wrong amount.
 */
export function cancellationFeePercent(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PREPAID_CREDIT_CANCELLATION_FEE_PERCENT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_CANCELLATION_FEE_PERCENT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 100) throw new RangeError(`PREPAID_CREDIT_CANCELLATION_FEE_PERCENT must be a whole number from 0 to 100, not "${raw}".`);
  return value;
}

/**
 * INV-8: how an unused remainder splits when the account is cancelled: the refund is the remainder
 * × (100 − fee) %, rounded half up to the cent; the fee is the rest, so the two add up exactly.
 */
export function splitRemainder(remainderCents: number, feePercent: number): { refundCents: number; feeCents: number } {
  if (remainderCents <= 0) return { refundCents: 0, feeCents: 0 };
  const refundCents = mulDivRoundHalfUp(remainderCents, 100 - feePercent, 100);
  return { refundCents, feeCents: remainderCents - refundCents };
}

/**
 * INV-8: the net amount of a refund credit note whose gross (net + VAT on the line, rounded half up)
 * is `grossCents` at `ratePercent`. Not every gross is reachable at a VAT rate (23 % moves the gross
 * in steps of 1.23 cents); then the largest net whose gross stays below is taken, so the customer
 * is never refunded more than the split allows and the cent left over stays with the fee.
 */
export function netForGross(grossCents: number, ratePercent: number): number {
  if (grossCents <= 0) return 0;
  const tenths = Math.round(ratePercent * 10);
  let net = mulDivRoundHalfUp(grossCents, 1000, 1000 + tenths) + 1;
  while (net > 0 && net + lineVat(net, ratePercent) > grossCents) net--;
  return net;
}

/** The gross of a net amount at a VAT rate, rounded as on every invoice line. */
export function grossOf(netCents: number, ratePercent: number): number {
  return netCents + lineVat(netCents, ratePercent);
}

/**
 * INV-8: the figures the owner (and staff) see before a cancellation: the remainder, the refund —
 * the gross of the credit note that will be issued — and the fee kept.
 */
export function cancellationFigures(remainderCents: number, feePercent: number, ratePercent: number): { remainderCents: number; refundCents: number; feeCents: number; refundNetCents: number } {
  const split = splitRemainder(remainderCents, feePercent);
  const refundNetCents = netForGross(split.refundCents, ratePercent);
  const refundCents = grossOf(refundNetCents, ratePercent);
  return { remainderCents: Math.max(0, remainderCents), refundCents, feeCents: Math.max(0, remainderCents) - refundCents, refundNetCents };
}

/**
 * INV-7: how long the credit lasts. Credit pays whole renewal invoices only (see service.ts), so
 * it covers floor(balance / period price) renewals; the first is the one at `nextRenewalAt`
 * (the end of the current period). The credit runs out at the end of the last period it pays —
 * `nextRenewalAt` advanced by that many periods on the subscription's anchor — or is null when
 * it does not cover the next renewal. At constant seats, 12 × the monthly price lasts 12 months;
 * more seats raise the period price and bring the date forward, fewer seats push it out.
 */
export function projectedCreditEnd(input: {
  balanceCents: number;
  /** What one renewal costs the customer, VAT included (the invoice's gross). */
  periodGrossCents: number;
  nextRenewalAt: Date;
  anchor: Date;
  interval: Interval;
}): { periods: number; endsAt: Date | null } {
  if (input.balanceCents <= 0 || input.periodGrossCents <= 0) return { periods: 0, endsAt: null };
  const periods = Math.floor(input.balanceCents / input.periodGrossCents);
  if (periods === 0) return { periods, endsAt: null };
  let end = input.nextRenewalAt;
  for (let i = 0; i < periods; i++) end = nextPeriodEnd(input.anchor, end, input.interval);
  return { periods, endsAt: end };
}

/**
 * INV-7: which renewal invoices of a batch credit pays. An invoice is paid from credit only when the
 * balance covers it in full: a customer then has either a paid invoice or one card charge for the
 * whole amount, never an invoice split between credit and card. A remainder smaller than one
 * invoice stays on the account (the billing page says so): staff can top it up, and on cancellation
 * it is refunded under INV-8 like any other remainder.
 */
export function invoicesPaidFromCredit<T extends { accountId: string; grossCents: number }>(invoices: T[], balances: Map<string, number>): T[] {
  const left = new Map(balances);
  const paid: T[] = [];
  for (const inv of invoices) {
    const balance = left.get(inv.accountId) ?? 0;
    if (inv.grossCents > 0 && balance >= inv.grossCents) {
      paid.push(inv);
      left.set(inv.accountId, balance - inv.grossCents);
    }
  }
  return paid;
}

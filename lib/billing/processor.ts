// PAY-5/PAY-7: the payment processor seam. Card numbers and PayPal logins only ever reach the
// processor's hosted pages; we get back a token and the details a person needs to recognise
// the method. The shipped implementation is the sandbox (sandbox-processor.ts); a real one
// (Stripe, Braintree) implements the same interface.

import { DomainError } from '@/lib/actions';

export type PaymentKind = 'card' | 'paypal';

export interface PaymentMethodDetails {
  kind: PaymentKind;
  token: string;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  paypalEmail: string | null;
}

export interface ChargeRequest {
  token: string;
  amountCents: number;
  currency: 'EUR';
  /** The same key always yields the same charge: a retry after a timeout never charges twice. */
  idempotencyKey: string;
  description: string;
}

/** INV-8: money paid back to the customer (unused prepaid credit after a cancellation). */
export interface RefundRequest {
  amountCents: number;
  currency: 'EUR';
  /** The same key always yields the same refund: a retry never pays back twice. */
  idempotencyKey: string;
  description: string;
}

export interface RefundResult {
  refundId: string;
}

export type ChargeResult =
  | { status: 'succeeded'; chargeId: string }
  | { status: 'failed'; chargeId: string; code: 'card_declined' | 'insufficient_funds' | 'expired_card'; message: string };

/** The processor could not be reached or did not answer: the outcome is unknown, retry with the same key. */
export class ProcessorUnavailableError extends Error {
  constructor(message = 'The payment processor did not answer in time.') {
    super(message);
    this.name = 'ProcessorUnavailableError';
  }
}

/** A charge the processor refused (declined, insufficient funds, expired): nothing was charged. */
export class PaymentDeclinedError extends DomainError {
  constructor(
    readonly code: DeclineCode,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentDeclinedError';
  }
}

export type DeclineCode = Extract<ChargeResult, { status: 'failed' }>['code'];

export interface PaymentProcessor {
  /** The hosted page where a person enters a card or approves PayPal; it returns to `returnPath` with ?token&reference. */
  hostedPageUrl(kind: PaymentKind, opts: { returnPath: string; reference: string }): string;
  /** The method behind a token handed back by the hosted page, if it was issued for this reference. */
  retrievePaymentMethod(token: string, reference: string): Promise<PaymentMethodDetails | null>;
  charge(req: ChargeRequest): Promise<ChargeResult>;
  /**
   * Optional: many charges in one call, each under its own idempotency key, answered in request
   * order. A processor with a batch API implements it; the others are called one charge at a time.
   */
  chargeMany?(reqs: ChargeRequest[]): Promise<BatchChargeResult[]>;
  /** INV-8: pays money back; throws ProcessorUnavailableError when the outcome is unknown (retry with the same key). */
  refund(req: RefundRequest): Promise<RefundResult>;
}

/** A charge in a batch: its result, or 'unknown' when the processor did not answer (retry with the same key). */
export type BatchChargeResult = ChargeResult | { status: 'unknown' };

/** How many single charges are in flight at once when a processor has no batch API. */
export const CHARGE_CONCURRENCY = 8;

/**
 * Makes a batch of charges: in one call when the processor has `chargeMany`, otherwise as single
 * charges, at most `concurrency` at a time (a remote processor answers in hundreds of
 * milliseconds; a handful in flight keeps a sweep fast without flooding it).
 */
export async function chargeBatch(processor: PaymentProcessor, reqs: ChargeRequest[], concurrency = CHARGE_CONCURRENCY): Promise<BatchChargeResult[]> {
  if (!reqs.length) return [];
  if (processor.chargeMany) return processor.chargeMany(reqs);
  const results = new Array<BatchChargeResult>(reqs.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < reqs.length) {
      const i = next++;
      try {
        results[i] = await processor.charge(reqs[i]);
      } catch (err) {
        if (err instanceof ProcessorUnavailableError) results[i] = { status: 'unknown' };
        else {
          // Hand out no more charges; the batch's leases expire and a later sweep repeats the same keys.
          failed = true;
          throw err;
        }
      }
    }
  };
  // Settle every charge in flight before answering, so none outlives the batch.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, reqs.length) }, worker));
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

/** Retries a charge with the same idempotency key when the processor does not answer. */
export async function chargeWithRetry(processor: PaymentProcessor, req: ChargeRequest, attempts = 3): Promise<ChargeResult> {
  for (let i = 1; ; i++) {
    try {
      return await processor.charge(req);
    } catch (err) {
      if (!(err instanceof ProcessorUnavailableError) || i >= attempts) throw err;
    }
  }
}

/** The idempotency key of the n-th attempt to collect an invoice. */
export function chargeKey(invoiceId: string, attempt: number): string {
  return `invoice:${invoiceId}:attempt:${attempt}`;
}

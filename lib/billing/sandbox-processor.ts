// The sandbox processor: behaves like a real one (hosted card form, tokens, declines,
// idempotent charges) with test cards, and keeps its own store (sandbox_* tables) that never
// holds a card number. In test mode it can be told to time out or fail the next charge.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { inList, insertRows } from '@/db/bulk';
import type { Db } from '@/db/client';
import { sandboxCharges, sandboxPaymentTokens, sandboxRefunds } from '@/db/schema';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import {
  ProcessorUnavailableError,
  type BatchChargeResult,
  type ChargeRequest,
  type ChargeResult,
  type DeclineCode,
  type PaymentKind,
  type PaymentMethodDetails,
  type PaymentProcessor,
  type RefundRequest,
  type RefundResult,
} from './processor';

export const TEST_CARDS = {
  '4242424242424242': 'succeed',
  '4000000000000002': 'decline',
  '4000000000009995': 'insufficient_funds',
} as const;

type Behaviour = 'succeed' | 'decline' | 'insufficient_funds';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'Visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'Mastercard';
  if (/^3[47]/.test(digits)) return 'American Express';
  return 'Card';
}

export interface CardInput {
  holderName: string;
  number: string;
  expiry: string;
  cvc: string;
}

/** Per field, a message reference (lib/i18n/message-ref): the hosted page reads it in the visitor's language. */
export type CardErrors = Partial<Record<keyof CardInput, string>>;

/** Validates the hosted form's fields the way a processor would. `at` is the app clock. */
export function validateCard(input: CardInput, at: Date): { ok: true; digits: string; expMonth: number; expYear: number } | { ok: false; errors: CardErrors } {
  const errors: CardErrors = {};
  const digits = input.number.replace(/[\s-]/g, '');
  if (!input.holderName.trim()) errors.holderName = msg('processor.card.errors.holderName');
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) errors.number = msg('processor.card.errors.number');
  const m = input.expiry.trim().match(/^(\d{1,2})\s*\/\s*(\d{2})$/);
  let expMonth = 0;
  let expYear = 0;
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) errors.expiry = msg('processor.card.errors.expiryFormat');
  else {
    expMonth = Number(m[1]);
    expYear = 2000 + Number(m[2]);
    const y = at.getUTCFullYear();
    const mo = at.getUTCMonth() + 1;
    if (expYear < y || (expYear === y && expMonth < mo)) errors.expiry = msg('processor.card.errors.expired');
  }
  if (!/^\d{3,4}$/.test(input.cvc.trim())) errors.cvc = msg('processor.card.errors.cvc');
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, digits, expMonth, expYear };
}

const faults = globalThis as unknown as { __sandboxFault?: 'timeout' | 'fail' | null };

/** Test mode only: the next charge times out after it was made, or fails before it was made. */
export function injectSandboxFault(fault: 'timeout' | 'fail' | null): void {
  faults.__sandboxFault = fault;
}

export class SandboxProcessor implements PaymentProcessor {
  constructor(private readonly getDb: () => Promise<Db>) {}

  hostedPageUrl(kind: PaymentKind, opts: { returnPath: string; reference: string }): string {
    const q = new URLSearchParams({ return: opts.returnPath, reference: opts.reference });
    return `/api/processor/${kind === 'card' ? 'card' : 'paypal'}?${q}`;
  }

  /** Called by the hosted card form: keeps brand, last four and expiry — never the number. */
  async tokenizeCard(card: { digits: string; expMonth: number; expYear: number; holderName: string }, reference: string): Promise<string> {
    const token = `tok_${randomBytes(12).toString('hex')}`;
    const behaviour: Behaviour = TEST_CARDS[card.digits as keyof typeof TEST_CARDS] ?? 'succeed';
    await (await this.getDb()).insert(sandboxPaymentTokens).values({
      token,
      kind: 'card',
      brand: cardBrand(card.digits),
      last4: card.digits.slice(-4),
      expMonth: card.expMonth,
      expYear: card.expYear,
      holderName: card.holderName.trim().slice(0, 200),
      behaviour,
      reference,
      createdAt: now(),
    });
    return token;
  }

  /** Called by the PayPal sandbox approval page: a billing-agreement token. */
  async approvePaypal(email: string, reference: string): Promise<string> {
    const token = `ba_${randomBytes(12).toString('hex')}`;
    await (await this.getDb()).insert(sandboxPaymentTokens).values({
      token,
      kind: 'paypal',
      paypalEmail: email,
      behaviour: 'succeed',
      reference,
      createdAt: now(),
    });
    return token;
  }

  async retrievePaymentMethod(token: string, reference: string): Promise<PaymentMethodDetails | null> {
    const [row] = await (await this.getDb())
      .select()
      .from(sandboxPaymentTokens)
      .where(and(eq(sandboxPaymentTokens.token, token), eq(sandboxPaymentTokens.reference, reference)))
      .limit(1);
    if (!row) return null;
    return {
      kind: row.kind,
      token: row.token,
      brand: row.brand,
      last4: row.last4,
      expMonth: row.expMonth,
      expYear: row.expYear,
      paypalEmail: row.paypalEmail,
    };
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    const fault = faults.__sandboxFault;
    if (fault === 'fail') {
      faults.__sandboxFault = null;
      throw new ProcessorUnavailableError('The payment processor could not be reached.');
    }
    const db = await this.getDb();
    const [existing] = await db.select().from(sandboxCharges).where(eq(sandboxCharges.idempotencyKey, req.idempotencyKey)).limit(1);
    const result = existing ? toResult(existing) : await this.createCharge(db, req);
    if (fault === 'timeout') {
      // The charge went through but the answer was lost on the way back.
      faults.__sandboxFault = null;
      throw new ProcessorUnavailableError();
    }
    return result;
  }

  private async createCharge(db: Db, req: ChargeRequest): Promise<ChargeResult> {
    const [token] = await db.select().from(sandboxPaymentTokens).where(eq(sandboxPaymentTokens.token, req.token)).limit(1);
    const { status, failureCode } = chargeOutcome(token, now());
    const id = `ch_${randomBytes(12).toString('hex')}`;
    const [row] = await db
      .insert(sandboxCharges)
      .values({ id, idempotencyKey: req.idempotencyKey, token: req.token, amountCents: req.amountCents, status, failureCode, createdAt: now() })
      .onConflictDoNothing({ target: sandboxCharges.idempotencyKey })
      .returning();
    if (row) return toResult(row);
    // A concurrent request with the same key won the race: answer with its charge.
    const [winner] = await db.select().from(sandboxCharges).where(eq(sandboxCharges.idempotencyKey, req.idempotencyKey));
    return toResult(winner);
  }

  /** INV-8: one refund per idempotency key; a repeated key answers with the refund made before. */
  async refund(req: RefundRequest): Promise<RefundResult> {
    const fault = faults.__sandboxFault;
    if (fault === 'fail') {
      faults.__sandboxFault = null;
      throw new ProcessorUnavailableError('The payment processor could not be reached.');
    }
    const db = await this.getDb();
    await db
      .insert(sandboxRefunds)
      .values({ id: `re_${randomBytes(12).toString('hex')}`, idempotencyKey: req.idempotencyKey, amountCents: req.amountCents, currency: req.currency, createdAt: now() })
      .onConflictDoNothing({ target: sandboxRefunds.idempotencyKey });
    const [row] = await db.select().from(sandboxRefunds).where(eq(sandboxRefunds.idempotencyKey, req.idempotencyKey));
    if (fault === 'timeout') {
      // The refund was made but the answer was lost on the way back.
      faults.__sandboxFault = null;
      throw new ProcessorUnavailableError();
    }
    return { refundId: row.id };
  }

  /**
   * Batch charging, as a processor with a batch API would offer it. With a test fault injected
   * the batch goes one charge at a time, so the fault hits exactly one charge as it would alone.
   */
  async chargeMany(reqs: ChargeRequest[]): Promise<BatchChargeResult[]> {
    if (!reqs.length) return [];
    if (!faults.__sandboxFault) return chargeManyInSandbox(await this.getDb(), reqs);
    const results: BatchChargeResult[] = [];
    for (const req of reqs) {
      try {
        results.push(await this.charge(req));
      } catch (err) {
        if (!(err instanceof ProcessorUnavailableError)) throw err;
        results.push({ status: 'unknown' });
      }
    }
    return results;
  }
}

/**
 * A batch of charges in a few statements, with the answers `charge` gives one at a time: every
 * new key is charged in one multi-row insert; a key charged before (a repeated request, or a
 * concurrent one that won it) keeps and answers with its existing charge.
 */
async function chargeManyInSandbox(db: Db, reqs: ChargeRequest[]): Promise<BatchChargeResult[]> {
  const at = now();
  const byKey = new Map<string, typeof sandboxCharges.$inferSelect>();
  const unique = [...new Map(reqs.map((r) => [r.idempotencyKey, r])).values()];
  const tokenRows = await db
    .select({
      token: sandboxPaymentTokens.token,
      kind: sandboxPaymentTokens.kind,
      expMonth: sandboxPaymentTokens.expMonth,
      expYear: sandboxPaymentTokens.expYear,
      behaviour: sandboxPaymentTokens.behaviour,
    })
    .from(sandboxPaymentTokens)
    .where(inList(sandboxPaymentTokens.token, [...new Set(unique.map((r) => r.token))]));
  const tokens = new Map(tokenRows.map((t) => [t.token, t]));
  const rows = unique.map((req) => {
    const token = tokens.get(req.token);
    return {
      id: `ch_${randomBytes(12).toString('hex')}`,
      idempotencyKey: req.idempotencyKey,
      token: req.token,
      amountCents: req.amountCents,
      ...chargeOutcome(token, at),
      createdAt: at,
    };
  });
  const created = new Set(await insertRows(db, sandboxCharges, rows, { onConflictDoNothing: sandboxCharges.idempotencyKey, returning: sandboxCharges.idempotencyKey }));
  for (const row of rows) if (created.has(row.idempotencyKey)) byKey.set(row.idempotencyKey, row);
  const known = rows.filter((r) => !created.has(r.idempotencyKey)).map((r) => r.idempotencyKey);
  if (known.length) {
    const earlier = await db.select().from(sandboxCharges).where(inList(sandboxCharges.idempotencyKey, known));
    for (const row of earlier) byKey.set(row.idempotencyKey, row);
  }
  return reqs.map((r) => toResult(byKey.get(r.idempotencyKey)!));
}

type TokenBehaviour = Pick<typeof sandboxPaymentTokens.$inferSelect, 'kind' | 'expMonth' | 'expYear' | 'behaviour'>;

/** What charging a token does: its test card's behaviour, or a decline for an unknown or expired one. */
function chargeOutcome(token: TokenBehaviour | undefined, at: Date): { status: 'succeeded' | 'failed'; failureCode: DeclineCode | null } {
  const behaviour: Behaviour | 'expired' = !token ? 'decline' : token.kind === 'card' && isExpired(token.expMonth!, token.expYear!, at) ? 'expired' : token.behaviour;
  const failureCode = behaviour === 'decline' ? 'card_declined' : behaviour === 'insufficient_funds' ? 'insufficient_funds' : behaviour === 'expired' ? 'expired_card' : null;
  return { status: behaviour === 'succeed' ? 'succeeded' : 'failed', failureCode };
}

function isExpired(expMonth: number, expYear: number, at: Date): boolean {
  const y = at.getUTCFullYear();
  return expYear < y || (expYear === y && expMonth < at.getUTCMonth() + 1);
}

const MESSAGES = {
  card_declined: 'The card was declined by the bank.',
  insufficient_funds: 'The card has insufficient funds.',
  expired_card: 'The card has expired.',
} as const;

function toResult(row: typeof sandboxCharges.$inferSelect): ChargeResult {
  if (row.status === 'succeeded') return { status: 'succeeded', chargeId: row.id };
  const code = (row.failureCode ?? 'card_declined') as keyof typeof MESSAGES;
  return { status: 'failed', chargeId: row.id, code, message: MESSAGES[code] };
}

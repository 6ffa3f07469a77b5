// APS-2..5: redeeming a lifetime-deal code. The visitor fills in the code and the signup fields;
// the signup service creates the account, and instead of a trial it starts the deal's plan with
// its lifetime seats (no trial, no payment method). The code is claimed inside the signup
// transaction with a conditional update, so of many simultaneous redemptions exactly one wins and
// the others roll back completely; each refusal of a held code is logged against it (APS-3).
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { dealCodes, dealRedemptionAttempts, deals, subscriptions } from '@/db/schema';
import { signUp, type SignupResult } from '@/lib/accounts/signup';
import type { SignupInput } from '@/lib/accounts/schemas';
import { DomainError } from '@/lib/actions';
import { recordAudit } from '@/lib/audit';
import type { Locale } from '@/lib/i18n/config';
import { formattersFor } from '@/lib/i18n/format';
import { msg } from '@/lib/i18n/message-ref';
import { codeKey } from './codes-csv';
import { dealIsOpen } from './rules';

export type RedeemInput = SignupInput & { code: string };

/** Thrown inside the signup transaction when another redemption got the code first. */
class CodeTakenMeanwhile extends Error {}

async function findCode(db: Executor, code: string) {
  const [row] = await db
    .select({
      id: dealCodes.id,
      accountId: dealCodes.accountId,
      revokedAt: dealCodes.revokedAt,
      deal: { id: deals.id, name: deals.name, planId: deals.planId, lifetimeSeats: deals.lifetimeSeats, closesAt: deals.closesAt },
    })
    .from(dealCodes)
    .innerJoin(deals, eq(deals.id, dealCodes.dealId))
    .where(eq(dealCodes.codeKey, codeKey(code)))
    .limit(1);
  return row ?? null;
}

/** APS-3: a refused attempt to use a code someone holds, in its own transaction. */
async function logRefusedAttempt(db: Db, codeId: string, meta: { ip: string }, email: string, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [code] = await tx.select({ accountId: dealCodes.accountId }).from(dealCodes).where(eq(dealCodes.id, codeId));
    await tx.insert(dealRedemptionAttempts).values({ codeId, at, ip: meta.ip, email, holdingAccountId: code?.accountId ?? null });
  });
}

const alreadyRedeemed = () => new DomainError(msg('deals.errors.alreadyRedeemed'), 'code');

export async function redeemDealCode(
  db: Db,
  input: RedeemInput,
  meta: { ip: string; userAgent: string },
  at: Date,
  locale: Locale,
): Promise<SignupResult> {
  const email = input.email.trim().toLowerCase();
  const code = await findCode(db, input.code);
  if (!code) throw new DomainError(msg('deals.errors.unknownCode'), 'code');
  if (code.revokedAt) throw new DomainError(msg('deals.errors.revokedCode'), 'code');
  if (!dealIsOpen(code.deal, at)) {
    const f = formattersFor(locale);
    throw new DomainError(msg('deals.errors.closed', { date: f.date(code.deal.closesAt), time: f.time(code.deal.closesAt) }), 'code');
  }
  if (code.accountId) {
    await logRefusedAttempt(db, code.id, meta, email, at);
    throw alreadyRedeemed();
  }
  try {
    return await signUp(db, input, { ...meta, locale }, at, {
      consentSource: 'appsumo',
      onboard: async (tx, created) => {
        // APS-3/APS-5: the code goes to this account only if nobody holds it yet; the unique index
        // on deal_codes.account_id keeps one code per account.
        const claimed = await tx
          .update(dealCodes)
          .set({ accountId: created.accountId, redeemedAt: at })
          .where(and(eq(dealCodes.id, code.id), isNull(dealCodes.accountId), isNull(dealCodes.revokedAt)))
          .returning({ id: dealCodes.id });
        if (!claimed.length) throw new CodeTakenMeanwhile();
        await tx.insert(subscriptions).values({
          accountId: created.accountId,
          planId: code.deal.planId,
          seats: code.deal.lifetimeSeats,
          interval: 'monthly',
          status: 'lifetime',
          lifetime: true,
          createdAt: at,
          updatedAt: at,
        });
        await recordAudit(
          tx,
          { type: 'owner', id: created.userId, ip: meta.ip },
          { action: 'deal.code_redeemed', accountId: created.accountId, target: `deal_code:${code.id}`, details: { deal: code.deal.name } },
        );
      },
    });
  } catch (err) {
    if (!(err instanceof CodeTakenMeanwhile)) throw err;
    await logRefusedAttempt(db, code.id, meta, email, at);
    throw alreadyRedeemed();
  }
}

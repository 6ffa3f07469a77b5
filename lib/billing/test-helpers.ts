// Billing test support: a per-file database with the sandbox processor, and accounts with their
// owner in a trial or already paying.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { setClock } from '@/lib/clock';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { injectSandboxFault, SandboxProcessor } from './sandbox-processor';
import { addPaymentMethod, startTrial } from './subscriptions';

export async function createTrialAccount(db: Db, signedUpAt: Date) {
  const id = randomBytes(4).toString('hex');
  return db.transaction(async (tx) => {
    const [account] = await tx
      .insert(accounts)
      .values({ slug: `billing-${id}`, companyName: `Billing ${id} s.r.o.`, status: 'active', createdAt: signedUpAt, verifiedAt: signedUpAt })
      .returning();
    const [owner] = await tx
      .insert(users)
      .values({ accountId: account.id, role: 'owner', fullName: 'Eva Billing', email: `owner-${id}@example.test`, emailVerifiedAt: signedUpAt, createdAt: signedUpAt })
      .returning();
    await startTrial(tx, account.id, signedUpAt);
    return { account, owner };
  });
}

export async function sandboxToken(processor: SandboxProcessor, number: string, reference = 'ref') {
  const digits = number.replace(/\s/g, '');
  return processor.tokenizeCard({ digits, expMonth: 12, expYear: 2035, holderName: 'Eva Billing' }, reference);
}

export interface BillingTestEnv {
  /** Set in beforeAll: a fresh migrated and seeded database for this test file. */
  db: Db;
  /** The sandbox processor on that database. */
  processor: SandboxProcessor;
}

/**
 * One test file's billing environment: a fresh database and a sandbox processor, opened before
 * the file's tests and disposed after them; the app clock and any injected processor fault are
 * reset after every test so no test leaks its time or fault into the next.
 */
export function useBillingTestDb(): BillingTestEnv {
  const env = {} as BillingTestEnv;
  let opened: TestDb | undefined;
  beforeAll(async () => {
    opened = await createTestDb();
    env.db = opened.db;
    env.processor = new SandboxProcessor(async () => opened!.db);
  });
  afterEach(() => {
    setClock(null);
    injectSandboxFault(null);
  });
  afterAll(async () => {
    setClock(null);
    await opened?.dispose();
  });
  return env;
}

export const WORKING_CARD = '4242424242424242';

/**
 * A trial account that paid its first month with a working card at `paidAt` (the clock is left
 * there); when `card` is another test card, it then replaces the method — which charges nothing
 * on a paid period — so the next renewal uses it.
 */
export async function createPaidAccount(
  env: BillingTestEnv,
  opts: { card?: string; signedUpAt: Date; paidAt: Date },
) {
  setClock(opts.paidAt);
  const { account, owner } = await createTrialAccount(env.db, opts.signedUpAt);
  const actor = { type: 'owner' as const, id: owner.id };
  const pay = async (number: string) =>
    addPaymentMethod(env.db, env.processor, { accountId: account.id, token: await sandboxToken(env.processor, number), reference: 'ref', actor });
  await pay(WORKING_CARD);
  if (opts.card && opts.card !== WORKING_CARD) await pay(opts.card);
  return { account, owner, actor };
}

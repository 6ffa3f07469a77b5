// Small factories for billing tests: an account with its owner and a trial subscription.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { SandboxProcessor } from './sandbox-processor';
import { startTrial } from './subscriptions';

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

// Staff billing tools on any account (PAY-2 trial extension, PAY-8 retry). Staff name the
// account in the form, so it is looked up first: an unknown or stopped account is refused
// before the billing service runs.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import type { Actor } from '@/lib/audit';
import { msg } from '@/lib/i18n/message-ref';
import type { PaymentProcessor } from '@/lib/billing/processor';
import { extendTrial, retryChargeNow } from '@/lib/billing/staff-actions';

async function requireOpenAccount(db: Db, accountId: string): Promise<void> {
  const [account] = await db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!account) throw new DomainError(msg('staff.billing.errors.accountMissing'));
  if (account.status === 'stopped') throw new DomainError(msg('staff.billing.errors.accountStopped'));
}

export async function extendTrialByStaff(db: Db, input: { accountId: string; days: number; reason: string }, actor: Actor): Promise<{ message: string }> {
  await requireOpenAccount(db, input.accountId);
  return extendTrial(db, input.accountId, input.days, input.reason, actor);
}

export async function retryChargeByStaff(db: Db, processor: PaymentProcessor, accountId: string, actor: Actor): Promise<{ message: string }> {
  await requireOpenAccount(db, accountId);
  return retryChargeNow(db, processor, accountId, actor);
}

// APS-3 (and CAN-3's fraud case): staff suspend an account with a reason, e.g. the holder of a
// lifetime-deal code that is being shared. The owner is emailed at once; every member is kept out
// until staff lift it. Unlike a billing suspension (PAY-2), paying does not lift it.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { msg } from '@/lib/i18n/message-ref';
import { queueOwnerEmail } from '@/lib/billing/charges';

export async function suspendAccountByStaff(db: Db, input: { accountId: string; reason: string; context: string }, actor: Actor, at: Date): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, input.accountId)).for('update');
    if (!account || account.status === 'stopped' || account.status === 'pending_verification') throw new DomainError(msg('deals.errors.cannotSuspend'));
    if (account.staffSuspendedAt) throw new DomainError(msg('deals.errors.alreadySuspended'));
    await tx
      .update(accounts)
      .set({ status: 'suspended', staffSuspendedAt: at, staffSuspensionReason: input.reason })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, actor, {
      action: 'account.suspended_by_staff',
      accountId: account.id,
      target: `account:${account.id}`,
      details: { reason: input.reason, context: input.context, previousStatus: account.status },
    });
    await queueOwnerEmail(tx, account.id, (mail) => ({
      subject: mail.t('deals.email.suspended.subject'),
      paragraphs: [
        mail.t('deals.email.suspended.body', { slug: account.slug }),
        mail.t('deals.email.suspended.reason', { reason: input.reason }),
        mail.t('deals.email.suspended.contact'),
      ],
    }));
    return { slug: account.slug };
  });
}

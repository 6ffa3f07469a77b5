// APS-3 (and CAN-3's fraud case): staff suspend an account with a reason, e.g. the holder of a
// lifetime-deal code that is being shared. The owner is emailed at once; every member is kept out
// until staff lift it. Unlike a billing suspension (PAY-2), paying does not lift it.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { queueEmail } from '@/lib/email/outbox';
import { msg } from '@/lib/i18n/message-ref';
import { ownerContact } from '@/lib/billing/charges';
import { emailKit } from '@/lib/email/locale';

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
    const owner = await ownerContact(tx, account.id);
    if (owner) {
      const k = emailKit(owner.locale);
      await queueEmail(
        tx,
        owner.email,
        {
          locale: owner.locale,
          subject: k.t('deals.email.suspended.subject'),
          greeting: k.greeting(owner.name),
          paragraphs: [k.t('deals.email.suspended.body', { slug: account.slug }), k.t('deals.email.suspended.reason', { reason: input.reason }), k.t('deals.email.suspended.contact')],
        },
        { accountId: account.id },
      );
    }
    return { slug: account.slug };
  });
}

// Staff actions on the outbox (OPS-3). One transaction: put the email back in the queue and
// write the audit entry (OPS-2), or neither.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { msg } from '@/lib/i18n/message-ref';
import { requeueEmail } from '@/lib/email/outbox';

/** Only emails that will not go out on their own may be sent again. */
export function canRequeue(status: string): boolean {
  return status === 'failed' || status === 'held';
}

export async function requeueEmailByStaff(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(outbox).where(eq(outbox.id, id)).for('update');
    if (!row) throw new DomainError(msg('staff.outboxEmail.errors.gone'));
    if (!canRequeue(row.status)) throw new DomainError(msg('staff.outboxEmail.errors.notRequeueable', { status: row.status }));
    await requeueEmail(tx, id);
    await recordAudit(tx, actor, {
      action: 'outbox.requeued',
      accountId: row.accountId,
      target: `email:${id}`,
      details: { to: row.to, subject: row.subject, previousStatus: row.status, attempts: row.attempts },
    });
  });
}

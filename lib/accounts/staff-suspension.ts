// APS-3: staff suspend the account holding a lifetime-deal code that is being shared. Sharing a
// code is CAN-3's fraud ground, so no warning is owed first; the suspension itself (audit entry,
// owner's email, reactivation) is CAN-3's, in lib/standing/service.ts.
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/audit';
import { suspendByStaff } from '@/lib/standing/service';

export async function suspendAccountByStaff(db: Db, input: { accountId: string; reason: string; context: string }, actor: Actor, at: Date): Promise<{ slug: string }> {
  return suspendByStaff(db, { accountId: input.accountId, ground: 'fraud', reason: input.reason, context: input.context }, actor, at);
}

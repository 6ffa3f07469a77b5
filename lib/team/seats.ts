// APS-7: the seat history that extra-user billing reads. Opened when a login becomes active (the
// owner at signup, others on accepting an invitation), closed when the person is removed.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { seatIntervals } from '@/db/schema';

export async function openSeat(tx: Executor, accountId: string, userId: string, at: Date): Promise<void> {
  await tx.insert(seatIntervals).values({ accountId, userId, startedAt: at }).onConflictDoNothing();
}

export async function closeSeat(tx: Executor, userId: string, at: Date): Promise<void> {
  await tx.update(seatIntervals).set({ endedAt: at }).where(and(eq(seatIntervals.userId, userId), isNull(seatIntervals.endedAt)));
}

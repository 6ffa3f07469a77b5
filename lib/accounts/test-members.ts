// Test mode only (the /api/test/members hook): a verified member of an owner's account, so browser
// tests can see the portal as a non-owner before invitations exist. One transaction.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { openSeat } from '@/lib/team/seats';

export type MemberRole = 'admin' | 'agent';

export interface TestMemberInput {
  ownerEmail: string;
  email: string;
  fullName: string;
  password: string;
  role: MemberRole;
}

/** Creates a verified member in the account of the owner with `ownerEmail`; null when no such owner. */
export async function createTestMember(db: Db, input: TestMemberInput, at: Date): Promise<{ userId: string; accountId: string } | null> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ accountId: users.accountId })
      .from(users)
      .where(and(eq(users.email, input.ownerEmail.trim().toLowerCase()), eq(users.role, 'owner'), isNull(users.deletedAt)))
      .limit(1);
    if (!owner?.accountId) return null;
    const [user] = await tx
      .insert(users)
      .values({
        accountId: owner.accountId,
        role: input.role,
        fullName: input.fullName.trim(),
        email: input.email.trim().toLowerCase(),
        passwordHash,
        emailVerifiedAt: at,
        adultConfirmedAt: at,
        createdAt: at,
      })
      .returning({ id: users.id });
    // APS-7: an active member holds a seat, as one who accepted an invitation does.
    await openSeat(tx, owner.accountId, user.id, at);
    return { userId: user.id, accountId: owner.accountId };
  });
}

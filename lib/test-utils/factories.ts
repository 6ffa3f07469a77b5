// Small builders for service tests: an account with its owner (and optional extra users),
// created straight in the database, the way signup would leave them after verification.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, emailVerifications, termsAcceptances, termsVersions, users } from '@/db/schema';
import { createSession } from '@/lib/auth/sessions';
import { now } from '@/lib/clock';

export function uid(): string {
  return randomBytes(4).toString('hex');
}

export async function makeAccount(db: Executor, opts: { slug?: string; companyName?: string; status?: 'active' | 'pending_verification' } = {}) {
  const id = uid();
  const [account] = await db
    .insert(accounts)
    .values({
      slug: opts.slug ?? `acme-${id}`,
      companyName: opts.companyName ?? `Acme ${id}`,
      status: opts.status ?? 'active',
      createdAt: now(),
      verifiedAt: now(),
    })
    .returning();
  return account;
}

export async function makeUser(
  db: Executor,
  accountId: string | null,
  opts: { role?: 'owner' | 'admin' | 'agent' | 'staff'; email?: string; fullName?: string; passwordHash?: string } = {},
) {
  const id = uid();
  const [user] = await db
    .insert(users)
    .values({
      accountId,
      role: opts.role ?? 'owner',
      fullName: opts.fullName ?? 'Jana Novakova',
      email: (opts.email ?? `user-${id}@example.test`).toLowerCase(),
      passwordHash: opts.passwordHash ?? 'not-a-real-hash',
      emailVerifiedAt: now(),
      adultConfirmedAt: now(),
      createdAt: now(),
    })
    .returning();
  return user;
}

/** An active account with its owner, one accepted terms version, a used verification token and `sessions` live sessions. */
export async function makeOwnerAccount(db: Executor, opts: { slug?: string; sessions?: number } = {}) {
  const account = await makeAccount(db, { slug: opts.slug });
  const owner = await makeUser(db, account.id, { role: 'owner' });
  const [terms] = await db.select().from(termsVersions).limit(1);
  if (terms) {
    await db.insert(termsAcceptances).values({
      userId: owner.id,
      termsVersionId: terms.id,
      acceptedAt: now(),
      ip: '198.51.100.7',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0',
      method: 'signup',
    });
  }
  await db.insert(emailVerifications).values({
    tokenHash: `hash-${uid()}`,
    userId: owner.id,
    createdAt: now(),
    expiresAt: new Date(now().getTime() + 86_400_000),
    usedAt: now(),
  });
  const sessionIds: string[] = [];
  for (let i = 0; i < (opts.sessions ?? 2); i++) {
    sessionIds.push(await createSession(db, owner.id, { ip: `198.51.100.${i + 1}`, userAgent: 'Mozilla/5.0 Firefox/130.0' }));
  }
  return { account, owner, sessionIds };
}

export async function reloadAccount(db: Executor, id: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

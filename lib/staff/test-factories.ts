// Small factories for staff tests: rows written straight into a test database.
import { randomBytes } from 'node:crypto';
import type { Executor } from '@/db/client';
import { accounts, auditLog, outbox, users } from '@/db/schema';

let seq = 0;
function uid(): string {
  return `${(++seq).toString(36)}${randomBytes(3).toString('hex')}`;
}

type AccountInsert = typeof accounts.$inferInsert;
type UserInsert = typeof users.$inferInsert;

export async function makeAccount(db: Executor, over: Partial<AccountInsert> = {}) {
  const id = uid();
  const [row] = await db
    .insert(accounts)
    .values({ slug: `acme-${id}`, companyName: `Acme ${id}`, status: 'active', createdAt: new Date(), ...over })
    .returning();
  return row;
}

export async function makeUser(db: Executor, accountId: string | null, over: Partial<UserInsert> = {}) {
  const id = uid();
  const [row] = await db
    .insert(users)
    .values({
      accountId,
      role: 'owner',
      fullName: `Person ${id}`,
      email: `person-${id}@example.test`,
      createdAt: new Date(),
      ...over,
    })
    .returning();
  return row;
}

/** An account with its owner. */
export async function makeAccountWithOwner(
  db: Executor,
  over: { account?: Partial<AccountInsert>; owner?: Partial<UserInsert> } = {},
) {
  const account = await makeAccount(db, over.account);
  const owner = await makeUser(db, account.id, { role: 'owner', ...over.owner });
  return { account, owner };
}

export async function makeAudit(db: Executor, over: Partial<typeof auditLog.$inferInsert> = {}) {
  const [row] = await db
    .insert(auditLog)
    .values({ at: new Date(), actorType: 'system', action: 'test.event', ...over })
    .returning();
  return row;
}

export async function makeEmail(db: Executor, over: Partial<typeof outbox.$inferInsert> = {}) {
  const at = new Date();
  const [row] = await db
    .insert(outbox)
    .values({
      to: `mail-${uid()}@example.test`,
      subject: 'Test email',
      text: 'Hello',
      html: '<p>Hello</p>',
      status: 'held',
      nextAttemptAt: at,
      createdAt: at,
      ...over,
    })
    .returning();
  return row;
}

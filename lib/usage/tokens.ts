// PLAN-6: the bearer token an account's helpdesk reports usage with. 32 random bytes, shown once;
// only its sha-256 and a short prefix (to recognise it and to find its row) are stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accounts, usageApiTokens } from '@/db/schema';
import { recordAudit, type Actor } from '@/lib/audit';

export const TOKEN_MARK = 'adu_';
/** The characters shown to recognise a token: the mark and the first 8 characters of the secret. */
export const PREFIX_LENGTH = TOKEN_MARK.length + 8;

export type UsageTokenInfo = typeof usageApiTokens.$inferSelect;

export function hashUsageToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newUsageToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_MARK + randomBytes(32).toString('base64url');
  return { token, prefix: token.slice(0, PREFIX_LENGTH), hash: hashUsageToken(token) };
}

/** Replaces the account's token (the old one stops working at once) and audits who did it. */
async function replaceToken(tx: Executor, accountId: string, actor: Actor, at: Date, by: 'owner' | 'staff') {
  const fresh = newUsageToken();
  const [previous] = await tx.select({ prefix: usageApiTokens.tokenPrefix }).from(usageApiTokens).where(eq(usageApiTokens.accountId, accountId)).for('update');
  const row = { tokenHash: fresh.hash, tokenPrefix: fresh.prefix, createdAt: at, createdBy: actor.id ?? null, createdByRole: by, lastUsedAt: null };
  await tx.insert(usageApiTokens).values({ accountId, ...row }).onConflictDoUpdate({ target: usageApiTokens.accountId, set: row });
  await recordAudit(tx, actor, {
    action: by === 'owner' ? (previous ? 'usage.token_rotated' : 'usage.token_created') : 'usage.token_rotated_by_staff',
    accountId,
    target: `account:${accountId}`,
    // Prefixes only: they identify the tokens without letting anyone use them.
    details: { prefix: fresh.prefix, ...(previous ? { previousPrefix: previous.prefix } : {}) },
  });
  return fresh;
}

/**
 * The owner creates (or rotates) the token. The token itself is returned to be shown exactly
 * once; it is not stored and cannot be shown again.
 */
export async function createUsageTokenByOwner(db: Db, accountId: string, actor: Actor, at: Date): Promise<{ token: string; prefix: string }> {
  const { token, prefix } = await db.transaction((tx) => replaceToken(tx, accountId, actor, at, 'owner'));
  return { token, prefix };
}

/**
 * Staff replace an account's token (e.g. when it leaked). The new token is shown to nobody: the
 * old one stops working and the owner creates a new one on /account/security to see one.
 */
export async function rotateUsageTokenByStaff(db: Db, accountId: string, actor: Actor, at: Date): Promise<{ prefix: string } | null> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.id, accountId), ne(accounts.status, 'stopped')));
    if (!account) return null;
    const { prefix } = await replaceToken(tx, accountId, actor, at, 'staff');
    return { prefix };
  });
}

export async function usageTokenInfo(db: Executor, accountId: string): Promise<Omit<UsageTokenInfo, 'tokenHash'> | null> {
  const [row] = await db
    .select({
      accountId: usageApiTokens.accountId,
      tokenPrefix: usageApiTokens.tokenPrefix,
      createdAt: usageApiTokens.createdAt,
      createdBy: usageApiTokens.createdBy,
      createdByRole: usageApiTokens.createdByRole,
      lastUsedAt: usageApiTokens.lastUsedAt,
    })
    .from(usageApiTokens)
    .where(eq(usageApiTokens.accountId, accountId));
  return row ?? null;
}

/**
 * The account a presented token belongs to, or null. Rows are found by the token's prefix and the
 * hashes compared in constant time; a stopped account's token no longer works.
 */
export async function accountForUsageToken(db: Executor, presented: string): Promise<string | null> {
  const hash = Buffer.from(hashUsageToken(presented), 'hex');
  const rows = presented.startsWith(TOKEN_MARK)
    ? await db
        .select({ accountId: usageApiTokens.accountId, tokenHash: usageApiTokens.tokenHash, status: accounts.status })
        .from(usageApiTokens)
        .innerJoin(accounts, eq(accounts.id, usageApiTokens.accountId))
        .where(eq(usageApiTokens.tokenPrefix, presented.slice(0, PREFIX_LENGTH)))
    : [];
  let match: string | null = null;
  for (const row of rows) {
    const stored = Buffer.from(row.tokenHash, 'hex');
    if (stored.length === hash.length && timingSafeEqual(stored, hash) && row.status !== 'stopped') match = row.accountId;
  }
  return match;
}

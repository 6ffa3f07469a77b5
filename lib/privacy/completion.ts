// GDPR-5..8: what completing a request does besides answering it, one function per type. Each
// runs inside the completion's transaction (lib/privacy/staff.ts), so a failure leaves the
// request open and nothing half done.
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { consentRecords, privacyFlags, users } from '@/db/schema';
import type { RequestRow, StaffActor } from './staff';

export interface CompletionOutcome {
  /** Extra details for the completion's audit entry. */
  audit: Record<string, unknown>;
  /** Paragraphs the type's work adds to the reply (for erasure: what was kept and why, GDPR-7). */
  replyParagraphs?: string[];
}

/** The wording version recorded for a withdrawal made through a privacy request (the request itself is the wording). */
export const PRIVACY_REQUEST_WORDING = 'privacy-request';
const CONSENT_PURPOSES = ['marketing', 'customer_service'] as const;

/** The type-specific work of completing `row` (already locked); `actor` is for the audit entries of that work. */
export async function completeByType(tx: Executor, row: RequestRow, actor: StaffActor, at: Date): Promise<CompletionOutcome> {
  switch (row.type) {
    case 'restriction':
      return flagAddress(tx, row, 'restrictedAt', at);
    case 'objection':
      return flagAddress(tx, row, 'objectedAt', at);
    case 'consent_withdrawal':
      return withdrawConsents(tx, row, at);
    case 'access':
    case 'portability':
      // GDPR-6: the JSON export is downloaded from the request page (GET /staff/gdpr/[id]/export)
      // and sent to the requester separately; completing records that it was answered.
      return { audit: { export: true } };
    case 'information':
    case 'rectification':
      // The written reply (required for these types) is the answer; staff made any correction by hand.
      return { audit: {} };
    case 'erasure':
      // GDPR-7: eraseSubject (lib/privacy/erasure.ts, another branch) does the erasure and returns
      // what was kept and why; the lead wires the call here when merging. Until then completing an
      // erasure request fails inside the transaction and the request stays open. Its outcome's
      // replyParagraphs carry the list of what was kept into the reply.
      throw new Error('erasure is wired at merge');
  }
}

/** GDPR-8: restriction and objection flag the address: no marketing and no profiling from now on. */
async function flagAddress(tx: Executor, row: RequestRow, flag: 'restrictedAt' | 'objectedAt', at: Date): Promise<CompletionOutcome> {
  if (!row.email) return { audit: { flagged: false } };
  await tx
    .insert(privacyFlags)
    .values({ email: row.email, [flag]: at, updatedAt: at })
    .onConflictDoUpdate({ target: privacyFlags.email, set: { [flag]: at, updatedAt: at } });
  return { audit: { flagged: flag === 'restrictedAt' ? 'restricted' : 'objected' } };
}

/** GDPR-2/3: a signed withdrawal ends both consents of the address (and of its login, if any). */
async function withdrawConsents(tx: Executor, row: RequestRow, at: Date): Promise<CompletionOutcome> {
  if (!row.email) return { audit: { withdrawn: [] } };
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(row.userId ? or(eq(users.id, row.userId), eq(users.email, row.email)) : eq(users.email, row.email), isNull(users.deletedAt)))
    .limit(1);
  await tx.insert(consentRecords).values(
    CONSENT_PURPOSES.map((purpose) => ({
      userId: user?.id ?? null,
      email: row.email,
      purpose,
      granted: false,
      wordingVersion: PRIVACY_REQUEST_WORDING,
      source: 'privacy_request',
      at,
      ip: row.ip,
    })),
  );
  return { audit: { withdrawn: [...CONSENT_PURPOSES], userId: user?.id ?? null } };
}

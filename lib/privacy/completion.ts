// GDPR-5..8: what completing a request does besides answering it, one function per type. Each
// runs inside the completion's transaction (lib/privacy/staff.ts), so a failure leaves the
// request open and nothing half done.
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { consentRecords, privacyFlags, users } from '@/db/schema';
import { eraseForRequest } from './erasure';
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
      return eraseRequester(tx, row, actor, at);
  }
}

/**
 * GDPR-7: erases the requester's address everywhere (the same code as "Stop account") and puts
 * what was erased, kept and why into the reply. The reply is queued after this, so the erasure
 * of earlier emails to the address does not take it with them.
 */
async function eraseRequester(tx: Executor, row: RequestRow, actor: StaffActor, at: Date): Promise<CompletionOutcome> {
  const result = await eraseForRequest(tx, { request: { id: row.id, email: row.email, locale: row.locale }, actor, at });
  if (!result) return { audit: { erased: false } };
  return { audit: { erased: result.report.erased, kept: result.report.kept }, replyParagraphs: [result.reply] };
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

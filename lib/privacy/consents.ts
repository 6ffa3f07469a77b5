// GDPR-2: consent per purpose, kept as an append-only history in consent_records. The newest row
// per person and purpose is the current state; giving or withdrawing appends a row at once.
// Not ticking a box at signup stores nothing: "no record" and "withdrawn" both mean "not given",
// and only an act of the person (ticking, the portal button, unsubscribing) writes a record.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { consentRecords, privacyFlags, users } from '@/db/schema';
import { type Actor, recordAudit } from '@/lib/audit';
import { cancelQueuedMarketing, MARKETING_WITHDRAWN } from '@/lib/email/outbox';
import { CONSENT_PURPOSES, CONSENT_WORDING, type ConsentPurpose, type ConsentSource } from './purposes';

export { CONSENT_PURPOSES, CONSENT_WORDING, NEWSLETTER_WORDING, type ConsentPurpose, type ConsentSource } from './purposes';

export interface ConsentState {
  purpose: ConsentPurpose;
  granted: boolean;
  /** When and how the current state came about; null when the person never decided. */
  at: Date | null;
  source: string | null;
  wordingVersion: string | null;
}

/** The consents ticked on a signup form (checkbox values: true, 'on' or 'true'). */
export function tickedPurposes(input: { consentMarketing?: unknown; consentCustomerService?: unknown }): ConsentPurpose[] {
  const on = (v: unknown) => v === true || v === 'on' || v === 'true';
  return [...(on(input.consentMarketing) ? (['marketing'] as const) : []), ...(on(input.consentCustomerService) ? (['customer_service'] as const) : [])];
}

/**
 * Appends one record per purpose for a person with a login, in `tx`. Giving the marketing consent
 * is a fresh "yes" that lifts an earlier unsubscribe of the address (never a restriction or an
 * objection); withdrawing it stops marketing mail already queued for the address.
 */
export async function recordUserConsents(
  tx: Executor,
  user: { id: string; email: string },
  purposes: readonly ConsentPurpose[],
  granted: boolean,
  meta: { source: ConsentSource; at: Date; ip: string | null },
): Promise<void> {
  if (!purposes.length) return;
  const email = user.email.toLowerCase();
  if (purposes.includes('marketing')) {
    if (granted) await tx.update(privacyFlags).set({ unsubscribedAt: null, updatedAt: meta.at }).where(and(eq(privacyFlags.email, email), sql`${privacyFlags.unsubscribedAt} is not null`));
    else await cancelQueuedMarketing(tx, email, MARKETING_WITHDRAWN);
  }
  await tx.insert(consentRecords).values(
    purposes.map((purpose) => ({
      userId: user.id,
      email: user.email.toLowerCase(),
      purpose,
      granted,
      wordingVersion: CONSENT_WORDING[purpose],
      source: meta.source,
      at: meta.at,
      ip: meta.ip,
    })),
  );
}

/**
 * The time for a record that follows one made at `previous`: `at`, or a millisecond after
 * `previous` when the clock has not moved on (a frozen test clock), so "newest wins" stays exact.
 */
export function laterThan(previous: Date | null, at: Date): Date {
  return previous && previous.getTime() >= at.getTime() ? new Date(previous.getTime() + 1) : at;
}

/** Each purpose's current state for one user (newest record wins). */
export async function consentStates(db: Executor, userId: string): Promise<ConsentState[]> {
  const rows = await db
    .selectDistinctOn([consentRecords.purpose])
    .from(consentRecords)
    .where(eq(consentRecords.userId, userId))
    .orderBy(consentRecords.purpose, desc(consentRecords.at));
  return CONSENT_PURPOSES.map((purpose) => {
    const r = rows.find((x) => x.purpose === purpose);
    return r
      ? { purpose, granted: r.granted, at: r.at, source: r.source, wordingVersion: r.wordingVersion }
      : { purpose, granted: false, at: null, source: null, wordingVersion: null };
  });
}

/**
 * GDPR-2: the portal's "Give consent" / "Withdraw consent", effective at once. Giving marketing
 * consent is also the way back after unsubscribing: it clears the address's unsubscribe flag
 * (never a restriction or objection, which only the privacy-request process lifts).
 * Returns false when the state was already the asked one (nothing written).
 */
export async function setUserConsent(
  db: Db,
  user: { id: string; accountId: string | null },
  purpose: ConsentPurpose,
  granted: boolean,
  actor: Actor,
  at: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // One change at a time per person: two clicks racing append in order.
    const [me] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, user.id)).for('update');
    if (!me?.email) return false;
    const current = (await consentStates(tx, me.id)).find((s) => s.purpose === purpose)!;
    const email = me.email.toLowerCase();
    let changed = false;
    if (current.granted !== granted) {
      await recordUserConsents(tx, { id: me.id, email: me.email }, [purpose], granted, { source: 'portal', at: laterThan(current.at, at), ip: actor.ip ?? null });
      changed = true;
    }
    if (purpose === 'marketing' && granted) {
      const cleared = await tx
        .update(privacyFlags)
        .set({ unsubscribedAt: null, updatedAt: at })
        .where(and(eq(privacyFlags.email, email), sql`${privacyFlags.unsubscribedAt} is not null`))
        .returning({ email: privacyFlags.email });
      changed ||= cleared.length > 0;
    }
    if (changed)
      await recordAudit(tx, actor, {
        action: granted ? 'privacy.consent_given' : 'privacy.consent_withdrawn',
        accountId: user.accountId,
        target: `user:${me.id}`,
        details: { purpose, wordingVersion: CONSENT_WORDING[purpose], source: 'portal' },
      });
    return changed;
  });
}

/** Whether an address has said "no more marketing" (unsubscribed) and since when. */
export async function unsubscribedSince(db: Executor, email: string): Promise<Date | null> {
  const [row] = await db.select({ at: privacyFlags.unsubscribedAt }).from(privacyFlags).where(eq(privacyFlags.email, email.toLowerCase()));
  return row?.at ?? null;
}

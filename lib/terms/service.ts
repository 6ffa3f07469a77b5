// ACC-6: staff publish a terms version (in force from publication); signed-in users accept it with
// "Continue" on the portal notice, recorded with version, time, IP and user agent.
import { desc, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { termsAcceptances, termsVersions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { msg } from '@/lib/i18n/message-ref';
import { currentTerms, currentTermsShared, type TermsVersion } from './queries';
import type { PublishTermsInput } from './schemas';

export async function publishTerms(db: Db, input: PublishTermsInput, actor: Actor, at: Date): Promise<TermsVersion> {
  const published = await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: termsVersions.id })
      .from(termsVersions)
      .where(sql`lower(${termsVersions.version}) = lower(${input.version})`)
      .limit(1);
    if (taken) throw new DomainError(msg('terms.errors.versionTaken'), 'version');
    const current = await currentTerms(tx, at);
    // Versions are ordered by publication: a new one must come after every one published so far.
    const [latest] = await tx.select({ publishedAt: termsVersions.publishedAt }).from(termsVersions).orderBy(desc(termsVersions.publishedAt)).limit(1);
    if (latest && latest.publishedAt >= at) throw new DomainError(msg('terms.errors.tooSoon'));
    const [row] = await tx
      .insert(termsVersions)
      .values({ version: input.version, summary: '', body: input.bodyEn, bodyNl: input.bodyNl, publishedAt: at, publishedBy: actor.id ?? null })
      .onConflictDoNothing({ target: termsVersions.version })
      .returning();
    if (!row) throw new DomainError(msg('terms.errors.versionTaken'), 'version');
    await recordAudit(tx, actor, {
      action: 'terms.published',
      target: `terms:${row.version}`,
      details: { version: row.version, previous: current?.version ?? null, publishedAt: at.toISOString() },
    });
    return row;
  });
  currentTermsShared.invalidate();
  return published;
}

/**
 * The member continues after seeing the notice: their acceptance of the version in force now.
 * Idempotent: a second click (another tab) records nothing more.
 */
export async function acceptCurrentTerms(
  db: Db,
  input: { userId: string; accountId: string; ip: string | null; userAgent: string | null },
  actor: Actor,
  at: Date,
): Promise<{ version: string; recorded: boolean }> {
  return db.transaction(async (tx) => {
    const current = await currentTerms(tx, at);
    if (!current) throw new DomainError(msg('terms.errors.noTerms'));
    const inserted = await tx
      .insert(termsAcceptances)
      .values({
      userId: input.userId,
      termsVersionId: current.id,
      acceptedAt: at,
      ip: input.ip || null,
      userAgent: input.userAgent?.slice(0, 400) || null,
        method: 'continued_use',
      })
      .onConflictDoNothing({ target: [termsAcceptances.userId, termsAcceptances.termsVersionId] })
      .returning({ id: termsAcceptances.id });
    if (!inserted.length) return { version: current.version, recorded: false };
    await recordAudit(tx, actor, { action: 'terms.accepted', accountId: input.accountId, target: `terms:${current.version}` });
    return { version: current.version, recorded: true };
  });
}

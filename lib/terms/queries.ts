import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sharedRead, SHARED_READ_TTL_MS } from '@/lib/cache/shared-read';
import { termsAcceptances, termsVersions } from '@/db/schema';

export type TermsVersion = typeof termsVersions.$inferSelect;

/** The version in force at `at`: the latest one published on or before it. */
export async function currentTerms(db: Executor, at: Date): Promise<TermsVersion | null> {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(lte(termsVersions.publishedAt, at))
    .orderBy(desc(termsVersions.publishedAt))
    .limit(1);
  return row ?? null;
}

/** ACC-6: every version published by `at`, newest first (the current one is the first). */
export async function publishedTerms(db: Executor, at: Date): Promise<Pick<TermsVersion, 'id' | 'version' | 'publishedAt'>[]> {
  return db
    .select({ id: termsVersions.id, version: termsVersions.version, publishedAt: termsVersions.publishedAt })
    .from(termsVersions)
    .where(lte(termsVersions.publishedAt, at))
    .orderBy(desc(termsVersions.publishedAt));
}

/** ACC-6: one published version by its name, or null (also for a version not yet published at `at`). */
export async function termsByVersion(db: Executor, version: string, at: Date): Promise<TermsVersion | null> {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(and(eq(termsVersions.version, version), lte(termsVersions.publishedAt, at)))
    .limit(1);
  return row ?? null;
}

/** The version in force, kept for SHARED_READ_TTL_MS: the portal reads it on every page view. */
export const currentTermsShared = sharedRead(SHARED_READ_TTL_MS, currentTerms);

/**
 * Members known to have accepted a version, as `user:version`. An acceptance is never withdrawn
 * (it goes only with the member's erasure), so once seen it is not read again. Bounded: cleared
 * when full, which only costs a read.
 */
const acceptedSeen = new Set<string>();
const ACCEPTED_SEEN_MAX = 50_000;

/**
 * ACC-6: the current version when the member has not accepted it (the portal notice shows it), else
 * null. A revision concerns the people who were there before it: an owner accepts the version in
 * force at signup, and a member who joined later joined an account under that version. On a page
 * view this usually reads nothing: the version is shared and the acceptance remembered.
 */
export async function termsToAccept(
  db: Executor,
  user: { id: string; createdAt: Date },
  at: Date,
): Promise<Pick<TermsVersion, 'id' | 'version' | 'publishedAt'> | null> {
  const current = await currentTermsShared.get(db, at);
  if (!current || current.publishedAt <= user.createdAt) return null;
  const seen = `${user.id}:${current.id}`;
  if (acceptedSeen.has(seen)) return null;
  const [accepted] = await db
    .select({ id: termsAcceptances.id })
    .from(termsAcceptances)
    .where(and(eq(termsAcceptances.userId, user.id), eq(termsAcceptances.termsVersionId, current.id)))
    .limit(1);
  if (!accepted) return { id: current.id, version: current.version, publishedAt: current.publishedAt };
  if (acceptedSeen.size >= ACCEPTED_SEEN_MAX) acceptedSeen.clear();
  acceptedSeen.add(seen);
  return null;
}

/** ACC-6: every version for staff, newest first, with how many people accepted each. */
export async function termsVersionsForStaff(db: Executor) {
  return db
    .select({
      id: termsVersions.id,
      version: termsVersions.version,
      publishedAt: termsVersions.publishedAt,
      hasDutch: sql<boolean>`${termsVersions.bodyNl} is not null`,
      // Table-qualified by hand: in a one-table select drizzle writes bare column names, and a bare
      // "id" inside the subquery would be the acceptance's own id.
      acceptances: sql<number>`(select count(*)::int from ${termsAcceptances} a where a.terms_version_id = "terms_versions"."id")`,
    })
    .from(termsVersions)
    .orderBy(desc(termsVersions.publishedAt));
}

// GDPR-1: the staff-managed list of sub-processors shown live on /privacy. Every change is
// audited in the same transaction, with what changed.
import { asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { subProcessors } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import type { Locale } from '@/lib/i18n/config';
import { msg } from '@/lib/i18n/message-ref';
import type { SubProcessorInput } from './sub-processor-schemas';

export type SubProcessor = typeof subProcessors.$inferSelect;

const target = (id: string) => `sub_processor:${id}`;

/** In the order staff chose, then by name. */
export async function listSubProcessors(db: Executor): Promise<SubProcessor[]> {
  return db.select().from(subProcessors).orderBy(asc(subProcessors.sortOrder), asc(subProcessors.name));
}

export async function getSubProcessor(db: Executor, id: string): Promise<SubProcessor | null> {
  const [row] = await db.select().from(subProcessors).where(eq(subProcessors.id, id));
  return row ?? null;
}

/** What the privacy page shows: the purpose in the reader's language. */
export async function publicSubProcessors(db: Executor, locale: Locale) {
  const rows = await listSubProcessors(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    purpose: locale === 'nl' ? r.purposeNl : r.purposeEn,
    country: r.country,
    website: r.website,
  }));
}

function fields(input: SubProcessorInput) {
  return {
    name: input.name,
    purposeEn: input.purposeEn,
    purposeNl: input.purposeNl,
    country: input.country,
    website: input.website,
    sortOrder: input.sortOrder,
  };
}

export async function createSubProcessor(db: Db, input: SubProcessorInput, actor: Actor, at: Date): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(subProcessors)
      .values({ ...fields(input), createdAt: at, updatedAt: at })
      .returning({ id: subProcessors.id });
    await recordAudit(tx, actor, { action: 'sub_processor.created', target: target(row.id), details: fields(input) });
    return row;
  });
}

export async function updateSubProcessor(db: Db, id: string, input: SubProcessorInput, actor: Actor, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(subProcessors).where(eq(subProcessors.id, id)).for('update');
    if (!before) throw new DomainError(msg('privacy.subProcessors.errors.notFound'));
    const next = fields(input);
    const previous = before as Record<string, unknown>;
    const changed = Object.fromEntries(
      Object.entries(next)
        .filter(([k, v]) => v !== previous[k])
        .map(([k, v]) => [k, { from: previous[k], to: v }]),
    );
    if (Object.keys(changed).length === 0) return; // nothing changed, nothing to record
    await tx.update(subProcessors).set({ ...next, updatedAt: at }).where(eq(subProcessors.id, id));
    await recordAudit(tx, actor, { action: 'sub_processor.updated', target: target(id), details: { name: input.name, changed } });
  });
}

export async function removeSubProcessor(db: Db, id: string, actor: Actor): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(subProcessors).where(eq(subProcessors.id, id)).returning();
    if (!row) throw new DomainError(msg('privacy.subProcessors.errors.notFound'));
    // The removed entry is kept whole in the audit log: the list the public saw stays reconstructible.
    await recordAudit(tx, actor, {
      action: 'sub_processor.removed',
      target: target(id),
      details: { name: row.name, purposeEn: row.purposeEn, purposeNl: row.purposeNl, country: row.country, website: row.website, sortOrder: row.sortOrder },
    });
    return { name: row.name };
  });
}

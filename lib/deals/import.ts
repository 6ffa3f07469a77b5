// APS-1: importing a partner's codes into a deal. One transaction: the file's usable codes go in
// as one set-based insert per chunk (ON CONFLICT DO NOTHING on the case-insensitive key), and the
// codes that were already in the database come back as "already imported" with their lines.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { insertRows } from '@/db/bulk';
import { dealCodes, deals } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { msg } from '@/lib/i18n/message-ref';
import { parseCodesCsv, type SkippedLine } from './codes-csv';
import { MAX_CSV_BYTES } from './schemas';

/** Rows per insert statement: large enough to be set-based, small enough for PGlite's memory. */
const CHUNK = 10_000;
export { MAX_CSV_BYTES };

export interface ImportResult {
  imported: number;
  skipped: SkippedLine[];
}

export async function importDealCodes(db: Db, input: { dealId: string; csv: string; at: Date }, actor: Actor): Promise<ImportResult> {
  // The form's schema refuses a bigger file by its size already; this guards other callers.
  if (Buffer.byteLength(input.csv) > MAX_CSV_BYTES) throw new DomainError(msg('deals.import.fileTooLarge', { mb: MAX_CSV_BYTES / 1024 / 1024 }), 'file');
  const parsed = parseCodesCsv(input.csv);
  if (!parsed.codes.length && !parsed.skipped.length) throw new DomainError(msg('deals.import.emptyFile'), 'file');
  return db.transaction(async (tx) => {
    const [deal] = await tx.select({ id: deals.id, name: deals.name }).from(deals).where(eq(deals.id, input.dealId)).for('update');
    if (!deal) throw new DomainError(msg('deals.import.dealNotFound'));
    const inserted = new Set<string>();
    for (let i = 0; i < parsed.codes.length; i += CHUNK) {
      const chunk = parsed.codes.slice(i, i + CHUNK);
      const keys = await insertRows(
        tx,
        dealCodes,
        chunk.map((c) => ({ dealId: deal.id, code: c.code, codeKey: c.key, importedAt: input.at })),
        { onConflictDoNothing: dealCodes.codeKey, returning: dealCodes.codeKey },
      );
      for (const k of keys) inserted.add(k);
    }
    const already: SkippedLine[] = parsed.codes
      .filter((c) => !inserted.has(c.key))
      .map((c) => ({ line: c.line, reason: 'already_imported', text: c.code }));
    const skipped = [...parsed.skipped, ...already].sort((a, b) => a.line - b.line);
    await recordAudit(tx, actor, {
      action: 'deal.codes_imported',
      target: deal.id,
      details: {
        deal: deal.name,
        imported: inserted.size,
        skipped: skipped.length,
        malformed: skipped.filter((s) => s.reason === 'malformed').length,
        duplicateInFile: skipped.filter((s) => s.reason === 'duplicate_in_file').length,
        alreadyImported: already.length,
      },
    });
    return { imported: inserted.size, skipped };
  });
}

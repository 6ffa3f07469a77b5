import { desc, lte } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { termsVersions } from '@/db/schema';

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

export interface TermsSection {
  heading: string;
  blocks: ({ kind: 'p'; text: string } | { kind: 'ul'; items: string[] })[];
}

/** Parses the terms body ("## " headings, paragraphs, "- " lists) for rendering. Pure. */
export function parseTermsBody(body: string): TermsSection[] {
  const sections: TermsSection[] = [];
  let current: TermsSection | null = null;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('## ')) {
      current = { heading: line.slice(3), blocks: [] };
      sections.push(current);
      continue;
    }
    current ??= sections[sections.push({ heading: '', blocks: [] }) - 1];
    const last = current.blocks[current.blocks.length - 1];
    if (line.startsWith('- ')) {
      if (last?.kind === 'ul') last.items.push(line.slice(2));
      else current.blocks.push({ kind: 'ul', items: [line.slice(2)] });
    } else current.blocks.push({ kind: 'p', text: line });
  }
  return sections;
}

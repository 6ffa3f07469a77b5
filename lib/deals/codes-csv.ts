// APS-1: reading a partner's code file. A real CSV parser (papaparse) reads it; each code is trimmed
// and compared case-insensitively; a header row is optional; blank lines are ignored; every line
// that is not a usable code is reported with its line number and why. Lines are read one by one.
import Papa from 'papaparse';

/** A code as partners print them: letters, digits, dashes and underscores, 4 to 64 of them. */
const CODE_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_-]{3,63}$/;
const HEADER = /^(codes?|coupon(\s*codes?)?|licen[cs]e(\s*(keys?|codes?))?|keys?|redemption\s*codes?)$/i;

export type SkipReason = 'malformed' | 'duplicate_in_file' | 'already_imported';

export interface CsvCode {
  /** As written in the file, trimmed. */
  code: string;
  /** Lower case: what uniqueness is decided on. */
  key: string;
  line: number;
}

export interface SkippedLine {
  line: number;
  reason: SkipReason;
  /** The text of the line (trimmed, at most 80 characters) so staff can find it. */
  text: string;
  /** For duplicates within the file: the line that has the code first. */
  firstLine?: number;
}

export interface ParsedCodesFile {
  codes: CsvCode[];
  skipped: SkippedLine[];
}

export function codeKey(code: string): string {
  return code.trim().toLowerCase();
}

/**
 * Splits a codes file into usable codes and reported lines (nothing is written here). Each line is
 * read on its own (a code never spans lines): a quote left open or a stray column spoils only its
 * own line, and line numbers stay right whatever the line ends are (\n, \r\n or a lone \r).
 */
export function parseCodesCsv(text: string): ParsedCodesFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const codes: CsvCode[] = [];
  const skipped: SkippedLine[] = [];
  const firstLineOf = new Map<string, number>();
  let seenContent = false;
  lines.forEach((lineText, index) => {
    const line = index + 1;
    if (!lineText.trim()) return; // a blank line
    // Without a quote a CSV line is its cells split on commas; with one, papaparse reads the quoting.
    const result = lineText.includes('"') ? Papa.parse<string[]>(lineText, { delimiter: ',', newline: '\n' }) : { data: [lineText.split(',')], errors: [] };
    const cells = (result.data[0] ?? []).map((c) => (c ?? '').trim());
    const nonEmpty = cells.filter(Boolean);
    if (!nonEmpty.length && !result.errors.length) return; // only commas: a blank row
    const isFirst = !seenContent;
    seenContent = true;
    if (isFirst && nonEmpty.length === 1 && HEADER.test(nonEmpty[0])) return; // the optional header
    if (result.errors.length || nonEmpty.length !== 1 || !CODE_SHAPE.test(nonEmpty[0])) {
      skipped.push({ line, reason: 'malformed', text: lineText.trim().slice(0, 80) });
      return;
    }
    const code = nonEmpty[0];
    const key = codeKey(code);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      skipped.push({ line, reason: 'duplicate_in_file', text: code, firstLine: first });
      return;
    }
    firstLineOf.set(key, line);
    codes.push({ code, key, line });
  });
  return { codes, skipped };
}

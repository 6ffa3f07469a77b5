// APS-1: reading a partner's code file. A real CSV parser (papaparse) reads it; each code is trimmed
// and compared case-insensitively; a header row is optional; blank lines are ignored; every line
// that is not a usable code is reported with its line number and why.
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

/** Splits a codes file into usable codes and reported lines (nothing is written here). */
export function parseCodesCsv(text: string): ParsedCodesFile {
  const source = text.replace(/^\uFEFF/, '');
  // Line numbers: papaparse reports each row's end offset; count the line breaks before its start.
  const lineStarts: number[] = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const codes: CsvCode[] = [];
  const skipped: SkippedLine[] = [];
  const firstLineOf = new Map<string, number>();
  let rowStart = 0;
  let seenContent = false;
  Papa.parse<string[]>(source, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const line = lineAt(rowStart);
      // The next row starts after this one's line break.
      const cursor = result.meta.cursor;
      rowStart = source[cursor] === '\r' ? cursor + 2 : source[cursor] === '\n' ? cursor + 1 : cursor;
      const cells = (result.data ?? []).map((c) => (c ?? '').trim());
      const nonEmpty = cells.filter(Boolean);
      if (!nonEmpty.length) return; // a blank line
      const raw = cells.join(',').slice(0, 80);
      const isFirst = !seenContent;
      seenContent = true;
      if (isFirst && nonEmpty.length === 1 && HEADER.test(nonEmpty[0])) return; // the optional header
      if (result.errors.length || nonEmpty.length !== 1 || !CODE_SHAPE.test(nonEmpty[0])) {
        skipped.push({ line, reason: 'malformed', text: raw });
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
    },
  });
  return { codes, skipped };
}

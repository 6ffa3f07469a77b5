import { describe, expect, test } from 'vitest';
import { parseCodesCsv } from './codes-csv';

describe('APS-1 reading a codes CSV', () => {
  test('APS-1 codes are trimmed, a header is optional and blank lines are ignored', () => {
    const withHeader = parseCodesCsv('Code\r\n  AS-1001 \r\n\r\nAS-1002\r\n');
    expect(withHeader.codes).toEqual([
      { code: 'AS-1001', key: 'as-1001', line: 2 },
      { code: 'AS-1002', key: 'as-1002', line: 4 },
    ]);
    expect(withHeader.skipped).toEqual([]);
    const without = parseCodesCsv('AS-1001\nAS-1002');
    expect(without.codes.map((c) => c.line)).toEqual([1, 2]);
  });

  test('APS-1 duplicates within the file compare case-insensitively and name the first line', () => {
    const parsed = parseCodesCsv('codes\nABCD-1\nabcd-1\n"ABCD-2"\nAbCd-2\n');
    expect(parsed.codes.map((c) => c.code)).toEqual(['ABCD-1', 'ABCD-2']);
    expect(parsed.skipped).toEqual([
      { line: 3, reason: 'duplicate_in_file', text: 'abcd-1', firstLine: 2 },
      { line: 5, reason: 'duplicate_in_file', text: 'AbCd-2', firstLine: 4 },
    ]);
  });

  test('APS-1 malformed lines are reported with their line numbers', () => {
    const parsed = parseCodesCsv(['GOOD-001', 'two,codes', 'has space', 'x', '"unclosed', 'GOOD-002'].join('\n'));
    // An unclosed quote spoils its own line only: GOOD-002 after it is still read.
    expect(parsed.codes.map((c) => [c.code, c.line])).toEqual([['GOOD-001', 1], ['GOOD-002', 6]]);
    expect(parsed.skipped.map((s) => [s.line, s.reason])).toEqual([
      [2, 'malformed'],
      [3, 'malformed'],
      [4, 'malformed'],
      [5, 'malformed'],
    ]);
  });

  test('APS-1 only the first line can be a header; later it is read as a code', () => {
    expect(parseCodesCsv('\ncode\nAAAA-1\n').codes.map((c) => c.code)).toEqual(['AAAA-1']);
    expect(parseCodesCsv('AAAA-1\ncode\n').codes.map((c) => c.code)).toEqual(['AAAA-1', 'code']);
  });

  test('APS-1 50 000 codes parse with the right line numbers', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `CODE-${String(i).padStart(6, '0')}`);
    const parsed = parseCodesCsv(lines.join('\n'));
    expect(parsed.codes).toHaveLength(50_000);
    expect(parsed.codes[49_999]).toMatchObject({ code: 'CODE-049999', line: 50_000 });
  });
});

// Hostile input (issue 13): the staff deal-codes import (APS-1) given malformed files. Every line
// that is not a usable code is reported with its own line number (unclosed quotes, extra columns,
// blank lines, a byte-order mark, \r\n or lone \r line ends, 10 000 rows), and an oversized file is
// refused by its size with a message on the file field before any of it is read.
import fc from 'fast-check';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { dealCodes, deals } from '@/db/schema';
import { createSession } from '@/lib/auth/sessions';
import { parseCodesCsv } from '@/lib/deals/codes-csv';
import { MAX_CSV_BYTES } from '@/lib/deals/schemas';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeUser } from '@/lib/test-utils/factories';

const env = vi.hoisted(() => ({ db: null as unknown, sid: null as string | null }));
vi.mock('@/db/client', async (orig) => ({ ...(await orig<typeof import('@/db/client')>()), getDb: async () => env.db }));
vi.mock('@/lib/http/request', async (orig) => ({ ...(await orig<typeof import('@/lib/http/request')>()), requestMeta: async () => ({ ip: '192.0.2.50', userAgent: 'Vitest/1.0 (csv)' }) }));
vi.mock('@/lib/i18n/server', async (orig) => ({ ...(await orig<typeof import('@/lib/i18n/server')>()), requestLocale: async () => 'en' as const }));
// The guards read the session id from next-auth's cookie (lib/auth/session-cookie.ts): the persona's.
vi.mock('@/lib/auth/session-cookie', async (orig) => ({ ...(await orig<typeof import('@/lib/auth/session-cookie')>()), sessionIdFromCookie: async () => env.sid ?? null }));
vi.mock('next/cache', async (orig) => ({ ...(await orig<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const lines = (text: string) => {
  const p = parseCodesCsv(text);
  return { codes: p.codes.map((c) => [c.line, c.code]), skipped: p.skipped.map((s) => [s.line, s.reason]) };
};

describe('the codes file, malformed', () => {
  test('an unclosed quote spoils only its own line; the codes after it are still read, on their own lines', () => {
    expect(lines('code\nAAAA-0001\n"BBBB-0002\nCCCC-0003\n"DDDD-0004,\nEEEE-0005')).toEqual({
      codes: [[2, 'AAAA-0001'], [4, 'CCCC-0003'], [6, 'EEEE-0005']],
      skipped: [[3, 'malformed'], [5, 'malformed']],
    });
  });

  test('a line with more than one column is reported; trailing empty columns and quoted codes are fine', () => {
    expect(lines('AAAA-0001,BBBB-0002\nCCCC-0003,\n,DDDD-0004\n"EEEE-0005"\nFFFF-0006,,x\n"GG,GG-0007"')).toEqual({
      codes: [[2, 'CCCC-0003'], [3, 'DDDD-0004'], [4, 'EEEE-0005']],
      skipped: [[1, 'malformed'], [5, 'malformed'], [6, 'malformed']],
    });
  });

  test('blank lines (empty, spaces, only commas) are skipped but still counted', () => {
    expect(lines('\n   \n,,\n\t\nAAAA-0001\n\n\nBBBB-0002\n')).toEqual({ codes: [[5, 'AAAA-0001'], [8, 'BBBB-0002']], skipped: [] });
  });

  test('a byte-order mark does not spoil the header or the first code', () => {
    expect(lines('\uFEFFcode\nAAAA-0001')).toEqual({ codes: [[2, 'AAAA-0001']], skipped: [] });
    expect(lines('\uFEFFAAAA-0001\nBBBB-0002')).toEqual({ codes: [[1, 'AAAA-0001'], [2, 'BBBB-0002']], skipped: [] });
  });

  test('\\r\\n, lone \\r and mixed line ends all number lines the same way', () => {
    const expected = { codes: [[1, 'AAAA-0001'], [3, 'CCCC-0003']], skipped: [[2, 'malformed']] };
    for (const eol of ['\n', '\r\n', '\r']) expect(lines(['AAAA-0001', 'bad line', 'CCCC-0003'].join(eol))).toEqual(expected);
    expect(lines('AAAA-0001\r\nbad line\rCCCC-0003\n')).toEqual(expected);
  });

  test('control characters, markup and other scripts in a line make it malformed, reported with its text', () => {
    const parsed = parseCodesCsv('AAAA\u00000001\n<b>BBBB-0002</b>\nКОД-0003\nDDDD-0004');
    expect(parsed.codes.map((c) => c.line)).toEqual([4]);
    expect(parsed.skipped).toEqual([
      { line: 1, reason: 'malformed', text: 'AAAA\u00000001' },
      { line: 2, reason: 'malformed', text: '<b>BBBB-0002</b>' },
      { line: 3, reason: 'malformed', text: 'КОД-0003' },
    ]);
  });

  test('a 10 000-row file with every kind of bad line reports each one at its line', () => {
    const bad = ['"unclosed', 'two,codes', 'has space', '', 'x'];
    const rows = Array.from({ length: 10_000 }, (_, i) => (i % 97 === 5 ? bad[i % bad.length] : `ROW-${String(i).padStart(6, '0')}`));
    const parsed = parseCodesCsv(rows.join('\r\n'));
    const expectedBad = rows.flatMap((r, i) => (i % 97 === 5 && r !== '' ? [i + 1] : []));
    expect(parsed.skipped.map((s) => s.line)).toEqual(expectedBad);
    expect(parsed.codes).toHaveLength(rows.filter((r) => r.startsWith('ROW-')).length);
    for (const c of parsed.codes) expect(rows[c.line - 1]).toBe(c.code);
  });

  test('any mix of codes, junk and blank lines with any line ends: each line is a code, a reported line or blank, at its own number', () => {
    const good = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{3,12}$/);
    const junk = fc.oneof(fc.constantFrom('"open', 'a,b', 'x', 'bad code', '<i>', '"', 'AAAA-""1'), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((s) => !/[\r\n]/.test(s) && s.trim() !== '' && !/^[A-Za-z0-9][A-Za-z0-9_-]{3,63}$/.test(s.trim())));
    const row = fc.oneof({ weight: 3, arbitrary: good.map((v) => ({ kind: 'code' as const, v })) }, { weight: 2, arbitrary: junk.map((v) => ({ kind: 'junk' as const, v })) }, fc.constant({ kind: 'blank' as const, v: '' }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (rows, eol, bom) => {
        // Codes are made unique so "duplicate" never stands in for "malformed".
        const unique = rows.map((r, i) => (r.kind === 'code' ? { ...r, v: `${r.v}-${i}` } : r));
        const parsed = parseCodesCsv((bom ? '\uFEFF' : '') + unique.map((r) => r.v).join(eol));
        // Only the first line with content may be the header; a header-like line after it is junk.
        // A junk line of only commas and spaces is a blank row.
        const blankRow = (r: (typeof unique)[number]) => r.kind === 'blank' || /^[\s,]*$/.test(r.v);
        const firstContent = unique.findIndex((r) => !blankRow(r));
        const header = (r: (typeof unique)[number], i: number) => i === firstContent && /^(codes?|keys?)$/i.test(r.v.trim());
        expect(parsed.codes.map((c) => c.line)).toEqual(unique.flatMap((r, i) => (r.kind === 'code' ? [i + 1] : [])));
        expect(parsed.skipped.map((s) => s.line)).toEqual(unique.flatMap((r, i) => (r.kind === 'junk' && !blankRow(r) && !header(r, i) ? [i + 1] : [])));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the codes file through the staff import action', () => {
  let t: TestDb;
  let dealId: string;
  beforeAll(async () => {
    process.env.TEST_HOOKS = '1';
    t = await createTestDb();
    env.db = t.db;
    const staff = await makeUser(t.db, null, { role: 'staff', email: 'csv-staff@example.test' });
    env.sid = await createSession(t.db, staff.id, { ip: '192.0.2.51', userAgent: 'Vitest' });
    [{ id: dealId }] = await t.db.select({ id: deals.id }).from(deals).where(eq(deals.name, 'AppSumo'));
  }, 300_000);
  afterAll(async () => t?.dispose());

  const codeCount = async () => (await t.db.select({ n: count() }).from(dealCodes))[0].n;
  const form = (file: File) => {
    const fd = new FormData();
    fd.set('dealId', dealId);
    fd.set('file', file);
    return fd;
  };

  test('a file over the size limit is refused on the file field by its size, unread, and nothing is written', async () => {
    const { importCodesAction } = await import('@/app/staff/deals/actions');
    let read = false;
    // A File whose content is never produced: the refusal must come from its size alone.
    class Untouchable extends File {
      override text(): Promise<string> {
        read = true;
        return super.text();
      }
    }
    const big = new Untouchable([new Uint8Array(MAX_CSV_BYTES + 1).fill(65)], 'codes.csv', { type: 'text/csv' });
    const before = await codeCount();
    const state = await importCodesAction({ status: 'idle' }, form(big));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { file: ['The file is larger than 8 MB. Split it into smaller files.'] } });
    expect(read).toBe(false);
    expect(await codeCount()).toBe(before);
  });

  test('an empty file is refused on the file field', async () => {
    const { importCodesAction } = await import('@/app/staff/deals/actions');
    expect(await importCodesAction({ status: 'idle' }, form(new File([], 'codes.csv')))).toMatchObject({ status: 'error', fieldErrors: { file: [expect.any(String)] } });
    expect(await importCodesAction({ status: 'idle' }, form(new File(['\n\r\n ,\n'], 'codes.csv')))).toMatchObject({ status: 'error', fieldErrors: { file: ['The file has no codes in it.'] } });
  });

  test('a 10 000-row CRLF file with a BOM and bad lines imports the good codes and reports the bad lines by number', async () => {
    const { importCodesAction } = await import('@/app/staff/deals/actions');
    const rows = Array.from({ length: 10_000 }, (_, i) => (i % 1000 === 999 ? `"broken ${i}` : `TENK-${String(i).padStart(5, '0')}`));
    const before = await codeCount();
    const state = await importCodesAction({ status: 'idle' }, form(new File(['\uFEFF' + rows.join('\r\n') + '\r\n'], 'codes.csv', { type: 'text/csv' })));
    expect(state.status).toBe('ok');
    if (state.status !== 'ok') return;
    const data = state.data as { imported: number; skipped: { line: number; reason: string }[] };
    expect(data.imported).toBe(9_990);
    expect(data.skipped.map((s) => [s.line, s.reason])).toEqual(Array.from({ length: 10 }, (_, k) => [(k + 1) * 1000, 'malformed']));
    expect(await codeCount()).toBe(before + 9_990);
  });
});

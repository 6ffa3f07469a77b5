import { describe, expect, test } from 'vitest';
import type { Executor } from '@/db/client';
import { sharedRead } from './shared-read';

const dbA = {} as Executor;
const dbB = {} as Executor;
const at = (iso: string) => new Date(iso);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counting(ttlMs: number) {
  const loads: string[] = [];
  const read = sharedRead(ttlMs, async (db, when) => {
    loads.push(`${db === dbA ? 'A' : 'B'}@${when.toISOString().slice(11, 16)}`);
    return loads.length;
  });
  return { read, loads };
}

describe('shared reads (the maintenance banner, the terms in force)', () => {
  test('one read serves every page view within the time to live, per database', async () => {
    const { read, loads } = counting(60_000);
    await Promise.all([read.get(dbA, at('2026-12-01T10:00:00Z')), read.get(dbA, at('2026-12-01T10:00:00Z'))]);
    expect(await read.get(dbA, at('2026-12-01T10:05:00Z'))).toBe(1);
    expect(await read.get(dbB, at('2026-12-01T10:05:00Z'))).toBe(2);
    expect(loads).toEqual(['A@10:00', 'B@10:05']);
  });

  test('a change made on another instance shows once the time to live has passed', async () => {
    const { read, loads } = counting(20);
    await read.get(dbA, at('2026-12-01T10:00:00Z'));
    await sleep(40);
    await read.get(dbA, at('2026-12-01T10:00:00Z'));
    expect(loads).toHaveLength(2);
  });

  test('this instance’s own change is read at once (invalidate)', async () => {
    const { read, loads } = counting(60_000);
    await read.get(dbA, at('2026-12-01T10:00:00Z'));
    read.invalidate();
    await read.get(dbA, at('2026-12-01T10:00:00Z'));
    expect(loads).toHaveLength(2);
  });

  test('a read made at a later app time is not used for an earlier one (the test clock moved back)', async () => {
    const { read, loads } = counting(60_000);
    await read.get(dbA, at('2026-12-01T10:00:00Z'));
    await read.get(dbA, at('2026-12-01T09:00:00Z'));
    expect(loads).toEqual(['A@10:00', 'A@09:00']);
  });

  test('a query builder (a thenable that runs on every await) is run once', async () => {
    let runs = 0;
    const builder = { then: (resolve: (v: string) => void) => resolve(`run ${++runs}`) };
    const read = sharedRead(60_000, () => builder as PromiseLike<string>);
    expect(await read.get(dbA, at('2026-12-01T10:00:00Z'))).toBe('run 1');
    expect(await read.get(dbA, at('2026-12-01T10:00:00Z'))).toBe('run 1');
    expect(runs).toBe(1);
  });

  test('a failed read is not remembered', async () => {
    let fail = true;
    const read = sharedRead(60_000, async () => {
      if (fail) throw new Error('connection lost');
      return 'rows';
    });
    await expect(read.get(dbA, at('2026-12-01T10:00:00Z'))).rejects.toThrow('connection lost');
    fail = false;
    expect(await read.get(dbA, at('2026-12-01T10:00:00Z'))).toBe('rows');
  });
});

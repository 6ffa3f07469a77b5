// loadSession runs a statement prepared once per database handle (db/prepared.ts): every
// signed-in request reads the session with it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setClock } from '@/lib/clock';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount } from '@/lib/test-utils/factories';
import { createSession, loadSession, revokeSession, SESSION_DAYS } from './sessions';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  setClock(null);
  await t.dispose();
});

describe('loading a session (a prepared statement)', () => {
  test('the same statement answers for each session with its own values: alive, revoked, expired by the app clock', async () => {
    const a = await makeOwnerAccount(t.db, { sessions: 0 });
    const b = await makeOwnerAccount(t.db, { sessions: 0 });
    const start = new Date('2026-12-01T10:00:00Z');
    setClock(start);
    const sa = await createSession(t.db, a.owner.id, {});
    const sb = await createSession(t.db, b.owner.id, {});
    expect((await loadSession(t.db, sa))?.account?.id).toBe(a.account.id);
    expect((await loadSession(t.db, sb))?.account?.id).toBe(b.account.id);
    await revokeSession(t.db, sb);
    expect(await loadSession(t.db, sb)).toBeNull();
    setClock(new Date(start.getTime() + SESSION_DAYS * 86_400_000 + 1000));
    expect(await loadSession(t.db, sa)).toBeNull();
  });

  test('inside a transaction it reads that transaction (the handle prepares its own statement)', async () => {
    setClock(null);
    const a = await makeOwnerAccount(t.db, { sessions: 0 });
    await t.db.transaction(async (tx) => {
      const id = await createSession(tx, a.owner.id, {});
      expect((await loadSession(tx, id))?.user.id).toBe(a.owner.id);
    });
  });
});

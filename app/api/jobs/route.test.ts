// POST /api/jobs: the JOBS_SECRET bearer is compared as digests, so no presented value can make
// the trigger fail with a 500 or tell an attacker how long the secret is.
import { afterEach, expect, test } from 'vitest';
import { POST } from './route';

const saved = process.env.JOBS_SECRET;
afterEach(() => {
  if (saved === undefined) delete process.env.JOBS_SECRET;
  else process.env.JOBS_SECRET = saved;
});

const call = (auth?: string) => POST(new Request('http://localhost/api/jobs', { method: 'POST', headers: auth ? { authorization: auth } : {} }));

test('a multi-byte bearer as long as the secret answers 401, not 500', async () => {
  process.env.JOBS_SECRET = 'the-right-secret-0123456789';
  const res = await call(`Bearer ${'é'.repeat(process.env.JOBS_SECRET.length)}`);
  expect(res.status).toBe(401);
});

test('wrong length, empty and unset secrets all answer the same 401', async () => {
  process.env.JOBS_SECRET = 'the-right-secret-0123456789';
  for (const auth of [undefined, 'Bearer ', 'Bearer x', 'Bearer the-right-secret-01234567890', 'Bearer the-right-secret-012345678X']) {
    const res = await call(auth);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized' });
  }
  process.env.JOBS_SECRET = '';
  expect((await call('Bearer ')).status).toBe(401);
  delete process.env.JOBS_SECRET;
  expect((await call('Bearer ')).status).toBe(401);
  expect((await call('Bearer undefined')).status).toBe(401);
});

// The test hooks exist only when TEST_HOOKS=1; the jobs trigger needs JOBS_SECRET.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as clock from '@/app/api/test/clock/route';
import * as jobs from '@/app/api/test/jobs/route';
import * as outbox from '@/app/api/test/outbox/route';
import * as processorHook from '@/app/api/test/processor/route';
import * as members from '@/app/api/test/members/route';
import * as owners from '@/app/api/test/owners/route';
import * as jobsTrigger from '@/app/api/jobs/route';

const saved = { hooks: process.env.TEST_HOOKS, secret: process.env.JOBS_SECRET };
beforeEach(() => {
  delete process.env.TEST_HOOKS;
});
afterEach(() => {
  if (saved.hooks === undefined) delete process.env.TEST_HOOKS;
  else process.env.TEST_HOOKS = saved.hooks;
  if (saved.secret === undefined) delete process.env.JOBS_SECRET;
  else process.env.JOBS_SECRET = saved.secret;
});

const json = (url: string, body: unknown) =>
  new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('test hooks', () => {
  test('test hooks answer 404 without TEST_HOOKS', async () => {
    const responses = [
      await clock.POST(json('http://localhost/api/test/clock', { now: '2030-01-01T00:00:00Z' })),
      await clock.GET(),
      await jobs.POST(),
      await outbox.GET(new Request('http://localhost/api/test/outbox?to=someone@example.test')),
      await processorHook.POST(json('http://localhost/api/test/processor', { fault: 'timeout' })),
      await members.POST(json('http://localhost/api/test/members', { ownerEmail: 'a@example.test', email: 'b@example.test', password: 'long enough password', role: 'agent' })),
      await owners.POST(json('http://localhost/api/test/owners', { fullName: 'Jana', email: 'c@example.test', password: 'long enough password', companyName: 'Acme', slug: 'acme-hook' })),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    // TEST_HOOKS set to anything but "1" is off too.
    process.env.TEST_HOOKS = 'true';
    expect((await jobs.POST()).status).toBe(404);
  });

  test('POST /api/jobs answers 401 without the right JOBS_SECRET bearer token', async () => {
    const call = (auth?: string) =>
      jobsTrigger.POST(new Request('http://localhost/api/jobs', { method: 'POST', headers: auth ? { authorization: auth } : {} }));
    delete process.env.JOBS_SECRET;
    expect((await call()).status).toBe(401);
    // No secret configured: even an empty bearer is refused.
    expect((await call('Bearer ')).status).toBe(401);
    process.env.JOBS_SECRET = 'the-right-secret-0123456789';
    expect((await call()).status).toBe(401);
    expect((await call('Bearer wrong')).status).toBe(401);
    expect((await call('Bearer the-right-secret-012345678X')).status).toBe(401);
    expect((await call('the-right-secret-0123456789x')).status).toBe(401);
  });
});

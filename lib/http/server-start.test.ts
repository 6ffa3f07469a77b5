// scripts/server.mjs refuses to start a production server that could not sign anything.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

describe('starting the production server', () => {
  test('without NEXTAUTH_SECRET it stops at once with a clear message', () => {
    const env = { ...process.env };
    delete env.NEXTAUTH_SECRET;
    const started = Date.now();
    const r = spawnSync(process.execPath, ['scripts/server.mjs', '-p', '0'], { env, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NEXTAUTH_SECRET is not set/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('productionStartProblems', () => {
  test('a production app needs the secret and must be started through scripts/server.mjs', async () => {
    const { productionStartProblems } = await import('./production-start');
    expect(productionStartProblems({ NODE_ENV: 'production', NEXTAUTH_SECRET: 's', ACCOUNTDESK_SERVER: '1' })).toEqual([]);
    expect(productionStartProblems({ NODE_ENV: 'production', ACCOUNTDESK_SERVER: '1' }).join()).toMatch(/NEXTAUTH_SECRET/);
    expect(productionStartProblems({ NODE_ENV: 'production', NEXTAUTH_SECRET: 's' }).join()).toMatch(/npm start/);
  });
});

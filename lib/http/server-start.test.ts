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

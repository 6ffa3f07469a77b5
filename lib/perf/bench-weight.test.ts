// scripts/bench-weight.mjs reads a production build the way Next.js 16 writes it: the shared
// runtime from build-manifest.json, each page's chunks from its client reference manifest. This
// builds a small .next by hand and checks what the script counts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measureWeight, targetFor } from '../../scripts/bench-weight.mjs';

const dir = mkdtempSync(join(tmpdir(), 'bench-weight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(rel: string, text: string) {
  const p = join(dir, '.next', rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return text;
}
const gz = (s: string) => gzipSync(s).length;
function clientManifest(appPath: string, entryJSFiles: Record<string, string[]>) {
  file(
    `server/app${appPath}_client-reference-manifest.js`,
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(appPath)}] = ${JSON.stringify({ entryJSFiles })};`,
  );
}

describe('bench:weight', () => {
  file('BUILD_ID', 'test');
  const runtime = file('static/chunks/runtime.js', 'var runtime = "react and the router";'.repeat(50));
  const shell = file('static/chunks/shell.js', 'var shell = "cookie banner";'.repeat(20));
  const form = file('static/chunks/form.js', 'var form = "react-hook-form";'.repeat(30));
  file('static/chunks/app.css', 'body{}');
  file('build-manifest.json', JSON.stringify({ rootMainFiles: ['static/chunks/runtime.js'], polyfillFiles: [], pages: {} }));
  file(
    'server/app-paths-manifest.json',
    JSON.stringify({ '/(public)/page': 'app/(public)/page.js', '/(public)/signup/page': 'app/(public)/signup/page.js', '/api/health/route': 'x.js' }),
  );
  clientManifest('/(public)/page', { '[project]/app/layout': ['static/chunks/shell.js', 'static/chunks/app.css'], '[project]/app/(public)/page': ['static/chunks/shell.js'] });
  clientManifest('/(public)/signup/page', { '[project]/app/layout': ['static/chunks/shell.js'], '[project]/app/(public)/signup/page': ['static/chunks/form.js'] });

  it('counts the shared runtime and every chunk of the page once, gzipped, and leaves out route handlers and CSS', async () => {
    const rows = await measureWeight(dir);
    expect(rows.map((r) => r.route)).toEqual(['/signup', '/']);
    const [signup, home] = rows;
    expect(home.gzipBytes).toBe(gz(runtime) + gz(shell));
    expect(signup.gzipBytes).toBe(gz(runtime) + gz(shell) + gz(form));
    expect(signup.rawBytes).toBe(runtime.length + shell.length + form.length);
    expect(rows.sharedGzipBytes).toBe(gz(runtime));
    expect(signup.pass).toBe(true);
    // A second measurement in the same process reads the build again.
    expect((await measureWeight(dir)).map((r) => r.gzipBytes)).toEqual(rows.map((r) => r.gzipBytes));
  });

  it("holds the signup and public form pages to 130 kB, other public pages to 100 kB, and sets no target for signed-in pages", () => {
    expect(targetFor('/signup')).toBe(130);
    expect(targetFor('/login')).toBe(130);
    expect(targetFor('/')).toBe(100);
    expect(targetFor('/pricing')).toBe(100);
    expect(targetFor('/account-stopped')).toBe(100);
    expect(targetFor('/account')).toBeNull();
    expect(targetFor('/account/billing')).toBeNull();
    expect(targetFor('/staff/deals')).toBeNull();
  });

  it('refuses a folder without a production build', async () => {
    await expect(measureWeight(join(dir, 'nothing-here'))).rejects.toThrow(/next build/);
  });
});

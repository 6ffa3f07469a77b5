#!/usr/bin/env node
// `npm run bench:weight`: the JavaScript a first load of each app route downloads, gzipped, read
// from the production build in .next (run `next build` first). Per route: the shared runtime
// (build-manifest.json `rootMainFiles`) plus every chunk the route's segments need (the
// `entryJSFiles` of server/app/<route>/page_client-reference-manifest.js, layouts included) —
// the same files Next.js itself counts in .next/diagnostics/route-bundle-stats.json. Each file is
// gzipped at zlib's default level (what `next start` compresses with) and counted once per route.
// Exits 1 when a route with a target is over it. `--chunks` lists each route's own chunks,
// `--json` prints the rows. `measureWeight(dir)` returns the rows for other benchmarks.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

const KB = 1024;
/** The issue's targets (kB gzipped): the signup page, and every public page without a form. */
export const SIGNUP_TARGET_KB = 130;
export const PUBLIC_TARGET_KB = 100;
/** Public pages whose main content is a form: they carry the form kit, held to the signup target. */
const PUBLIC_FORM_ROUTES = new Set([
  '/signup',
  '/login',
  '/forgot-password',
  '/reset-password',
  '/invitation',
  '/appsumo',
  '/verify-email',
  '/privacy/request',
  '/unsubscribe',
]);

/** The target for a route in kB, or null when the issue sets none (signed-in pages). */
export function targetFor(route) {
  if (/^\/(account|staff|api)(\/|$)/.test(route)) return null;
  if (PUBLIC_FORM_ROUTES.has(route)) return SIGNUP_TARGET_KB;
  return PUBLIC_TARGET_KB;
}

/** `/(public)/signup/page` → `/signup` (route groups and the trailing segment dropped). */
function routeOf(appPath) {
  const parts = appPath.split('/').filter((p) => p && !(p.startsWith('(') && p.endsWith(')')) && !p.startsWith('@'));
  parts.pop(); // page
  return '/' + parts.join('/');
}

function readClientManifest(distDir, appPath) {
  const file = join(distDir, 'server', 'app', `${appPath}_client-reference-manifest.js`);
  if (!existsSync(file)) return undefined;
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[appPath]: run it in a context
  // of its own (no require cache, so a second measurement reads a new build afresh).
  const context = {};
  runInNewContext(readFileSync(file, 'utf8'), context, { filename: file });
  return context.__RSC_MANIFEST?.[appPath];
}

/**
 * Rows for every app page in the build at `dir` (the project folder; its `.next` is read):
 * `{ route, appPath, files, rawBytes, gzipBytes, targetKb, pass }`, biggest first.
 */
export async function measureWeight(dir = process.cwd()) {
  const distDir = join(resolve(dir), '.next');
  if (!existsSync(join(distDir, 'BUILD_ID'))) throw new Error(`No production build in ${distDir}: run \`next build\` first.`);
  const buildManifest = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8'));
  const appPaths = JSON.parse(readFileSync(join(distDir, 'server', 'app-paths-manifest.json'), 'utf8'));
  const shared = (buildManifest.rootMainFiles ?? []).filter((f) => f.endsWith('.js'));

  const sizes = new Map();
  const sizeOf = (rel) => {
    let s = sizes.get(rel);
    if (!s) {
      const buf = readFileSync(join(distDir, rel));
      s = { raw: buf.length, gzip: gzipSync(buf).length };
      sizes.set(rel, s);
    }
    return s;
  };

  const rows = [];
  for (const appPath of Object.keys(appPaths)) {
    if (!appPath.endsWith('/page')) continue; // route handlers ship no JavaScript
    const manifest = readClientManifest(distDir, appPath);
    if (!manifest) continue;
    const own = Object.values(manifest.entryJSFiles ?? {})
      .flat()
      .filter((f) => f.endsWith('.js'));
    const files = [...new Set([...shared, ...own])].filter((f) => existsSync(join(distDir, f)));
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const f of files) {
      const s = sizeOf(f);
      rawBytes += s.raw;
      gzipBytes += s.gzip;
    }
    const route = routeOf(appPath);
    if (route === '/_not-found' || route === '/_global-error') continue;
    const targetKb = targetFor(route);
    const ownFiles = files.filter((f) => !shared.includes(f)).map((f) => ({ file: f, ...sizeOf(f) }));
    rows.push({ route, appPath, files, ownFiles, rawBytes, gzipBytes, targetKb, pass: targetKb === null ? null : gzipBytes <= targetKb * KB });
  }
  // The shared part on its own, for comparison.
  let sharedGzip = 0;
  for (const f of shared) if (existsSync(join(distDir, f))) sharedGzip += sizeOf(f).gzip;
  rows.sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
  return Object.assign(rows, { sharedGzipBytes: sharedGzip });
}

const kb = (n) => (n / KB).toFixed(1);

export function formatWeight(rows, { chunks = false } = {}) {
  const lines = [];
  const w = Math.max(...rows.map((r) => r.route.length), 5);
  lines.push(`${'route'.padEnd(w)}  ${'gzip kB'.padStart(8)}  ${'raw kB'.padStart(8)}  ${'target'.padStart(7)}  result`);
  for (const r of rows) {
    lines.push(
      `${r.route.padEnd(w)}  ${kb(r.gzipBytes).padStart(8)}  ${kb(r.rawBytes).padStart(8)}  ${(r.targetKb === null ? '-' : `≤ ${r.targetKb}`).padStart(7)}  ${
        r.pass === null ? '' : r.pass ? 'pass' : 'FAIL'
      }`,
    );
    if (chunks) for (const c of r.ownFiles) lines.push(`    ${c.file}  ${kb(c.gzip)} kB gzipped`);
  }
  lines.push(`shared by every route (framework runtime): ${kb(rows.sharedGzipBytes)} kB gzipped`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await measureWeight(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.cwd());
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows.map(({ files, ownFiles, ...r }) => r), null, 2));
  else console.log(formatWeight(rows, { chunks: process.argv.includes('--chunks') }));
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length) {
    const say = process.argv.includes('--json') ? console.error : console.log;
    say(`\n${failed.length} route(s) over target: ${failed.map((r) => r.route).join(', ')}`);
    process.exitCode = 1;
  }
}

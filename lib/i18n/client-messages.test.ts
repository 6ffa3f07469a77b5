// Every client component finds the messages it reads in the provider it is rendered under.
// Layouts hand the browser only parts of the catalogue (lib/i18n/client-messages.ts), so a client
// component reading a namespace its provider does not carry would show raw keys. This walks the
// imports of every page and layout in app/: for each module that runs in the browser (a
// 'use client' module and whatever it imports) it collects the literal `useTranslations('x.y')`
// namespaces and `msg('x.y…')` keys, and checks them against the provider they render under: the
// nearest layout at or above the page that renders `<ClientMessages>`, or a server component on
// the way that renders one itself (a `<ClientMessages>` wraps everything its module renders).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogue';
import { CLIENT_MESSAGES, covers, pickMessages, type ClientMessagesName } from './client-messages';

const root = join(__dirname, '..', '..');
const appDir = join(root, 'app');

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = join(dirname(from), spec);
  else return null; // a package
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.mjs`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(cand) && statSync(cand).isFile() && /\.(tsx?|m?js)$/.test(cand)) return cand;
  }
  return null;
}

/** A need for a provider (the language), not for messages. */
const LOCALE_ONLY = '(the language)';

interface ModuleInfo {
  /** The provider this (server) module renders around what it shows. */
  provider: ClientMessagesName | null;
  client: boolean;
  server: boolean;
  imports: string[];
  namespaces: string[];
  keys: string[];
}
const cache = new Map<string, ModuleInfo>();

function info(file: string): ModuleInfo {
  let m = cache.get(file);
  if (m) return m;
  const src = readFileSync(file, 'utf8');
  const head = src.replace(/^(\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*/, '').trimStart();
  const imports = [...src.matchAll(/(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .filter((x) => !/^(?:import|export)\s+type\s/.test(x[0]))
    .map((x) => resolveImport(file, x[1] ?? x[2]))
    .filter((x): x is string => x !== null);
  const namespaces = [
    ...[...src.matchAll(/useTranslations\(\s*['"]([^'"]+)['"]\s*\)/g)].map((x) => x[1]),
    // The page's language, its time zone and formats come from the provider too.
    ...(/\b(useLocale|useFormatter|useNow|useTimeZone)\(/.test(src) ? [LOCALE_ONLY] : []),
  ];
  const keys = [
    ...[...src.matchAll(/\bmsg\(\s*['"]([^'"]+)['"]/g)].map((x) => x[1]),
    // A key built from a template: its fixed beginning must be carried.
    ...[...src.matchAll(/\bmsg\(\s*`([^`$]*)(\$\{)?/g)].map((x) => x[1]),
  ];
  m = {
    provider: (src.match(/<ClientMessages\s+name="(\w+)"/)?.[1] as ClientMessagesName | undefined) ?? null,
    client: /^['"]use client['"]/.test(head),
    server: /^['"]use server['"]/.test(head),
    imports,
    namespaces,
    keys,
  };
  cache.set(file, m);
  return m;
}

interface Need {
  /** A namespace or key the browser reads. */
  key: string;
  /** The client module that reads it. */
  module: string;
  /** The provider it renders under (null: none), and where that provider is. */
  provider: ClientMessagesName | null;
  providerAt: string;
}

/** What the browser reads when `entry` (a server page or layout) renders, starting under `start`. */
function clientNeeds(entry: string, start: { name: ClientMessagesName | null; layout: string }): Need[] {
  const needs: Need[] = [];
  const seen = new Set<string>();
  const walk = (file: string, inClient: boolean, provider: ClientMessagesName | null, providerAt: string) => {
    const m = info(file);
    if (m.server) return; // a server action: the browser gets a reference only
    const client = inClient || m.client;
    if (!client && m.provider) {
      provider = m.provider;
      providerAt = relative(root, file);
    }
    const id = `${client ? 'c' : 's'}:${provider}:${file}`;
    if (seen.has(id)) return;
    seen.add(id);
    if (client) {
      const module = relative(root, file);
      for (const key of [...m.namespaces, ...m.keys]) needs.push({ key, module, provider, providerAt });
    }
    for (const dep of m.imports) walk(dep, client, provider, providerAt);
  };
  walk(entry, false, start.name, start.layout);
  return needs;
}

function filesNamed(dir: string, names: string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...filesNamed(p, names));
    else if (names.includes(entry)) out.push(p);
  }
  return out;
}

/** The provider a layout renders around everything it shows, if any. */
function providerOf(layout: string): ClientMessagesName | null {
  if (!existsSync(layout)) return null;
  const found = readFileSync(layout, 'utf8').match(/<ClientMessages\s+name="(\w+)"/);
  return found ? (found[1] as ClientMessagesName) : null;
}

/** The nearest provider at or above `dir` (within app/). */
function nearestProvider(dir: string): { name: ClientMessagesName; layout: string } | null {
  for (let d = dir; d.startsWith(appDir); d = dirname(d)) {
    const layout = join(d, 'layout.tsx');
    const name = providerOf(layout);
    if (name) return { name, layout: relative(root, layout) };
    if (d === appDir) break;
  }
  return null;
}

const entries = [
  ...filesNamed(appDir, ['page.tsx', 'layout.tsx', 'not-found.tsx', 'error.tsx', 'loading.tsx', 'template.tsx']),
];

describe('client components find their messages', () => {
  it('every provider is a <ClientMessages>', () => {
    // The walk knows <ClientMessages name="…"> only: no other provider may pass messages down.
    const others = ['app', 'components']
      .flatMap((dir) => readdirSync(join(root, dir), { recursive: true }).map((f) => join(dir, String(f))))
      .filter((f) => f.endsWith('.tsx') && f !== join('components', 'i18n', 'client-messages.tsx'))
      .filter((f) => /<NextIntlClientProvider\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(others).toEqual([]);
  });

  it.each(entries.map((f) => [relative(root, f), f]))('%s: every message its client components read is provided', (_name, file) => {
    const start = nearestProvider(dirname(file)) ?? { name: null, layout: 'no layout above it' };
    const missing = clientNeeds(file, start)
      .filter((n) => n.provider === null || (n.key !== LOCALE_ONLY && !covers(CLIENT_MESSAGES[n.provider], n.key.replace(/\.$/, ''))))
      .map((n) =>
        n.provider === null
          ? `${n.module} reads '${n.key}', but no <ClientMessages> is above it`
          : `${n.module} reads '${n.key}', not in ${n.providerAt} (CLIENT_MESSAGES.${n.provider})`,
      );
    expect([...new Set(missing)]).toEqual([]);
  });

  it('every provided path exists in both languages', () => {
    for (const [name, paths] of Object.entries(CLIENT_MESSAGES)) {
      for (const locale of ['en', 'nl'] as const) {
        const picked = pickMessages(catalogues[locale], paths);
        for (const p of paths) {
          const value = p.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), picked);
          expect(value, `${name}: ${p} (${locale})`).toBeDefined();
        }
      }
    }
  });
});

describe('pickMessages', () => {
  it('keeps the named subtrees and nothing else', () => {
    const m = { a: { x: '1', y: { z: '2' } }, b: { c: '3' }, d: '4' };
    expect(pickMessages(m, ['a.y', 'd'])).toEqual({ a: { y: { z: '2' } }, d: '4' });
    expect(pickMessages(m, ['a.y', 'a'])).toEqual({ a: m.a });
    expect(pickMessages(m, ['nope.x'])).toEqual({});
  });
});

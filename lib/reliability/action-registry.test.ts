// The fuzz covers every server action only if the registry lists every one: this test reads each
// 'use server' file under app/ and fails when an action is missing from the registry, is listed
// with another schema or caller than its source uses, or no longer exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ACTIONS, PLAIN_ACTIONS, type Caller } from './action-registry';

const ROOT = path.resolve(import.meta.dirname, '../..');

function serverFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...serverFiles(rel));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && /^\s*['"]use server['"]/.test(readFileSync(path.join(ROOT, rel), 'utf8'))) out.push(rel);
  }
  return out.sort();
}

/** name → module of every `import { … } from '…'` in a source. */
function importsOf(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, names, from] of src.matchAll(/import \{([^}]+)\} from '([^']+)'/g)) for (const n of names.split(',')) out[n.trim().split(' as ').pop()!] = from;
  return out;
}

const callerOf = (guard: string): Caller => (guard.startsWith('publicForm(') ? 'public' : guard === 'requireStaff' ? 'staff' : 'owner');

function declared() {
  const actions: { file: string; action: string; schemaName: string; caller: Caller }[] = [];
  const plain: { file: string; action: string }[] = [];
  const unreadable: string[] = [];
  for (const file of serverFiles('app')) {
    const src = readFileSync(path.join(ROOT, file), 'utf8');
    const found = [...src.matchAll(/export const (\w+) = validatedAction(?:<[^(]*>)?\(\{\s*schema: ([^,]+),\s*guard: ([^,\n]+),/g)];
    for (const [, action, schemaName, guard] of found) actions.push({ file, action, schemaName: schemaName.trim(), caller: callerOf(guard.trim()) });
    // Any other way of exporting a server function must be listed too (or this parser taught it).
    for (const [, kind, name] of src.matchAll(/^export (const|async function|function) (\w+)/gm)) {
      if (found.some((m) => m[1] === name)) continue;
      if (kind === 'const') unreadable.push(`${file}#${name}`);
      else plain.push({ file, action: name });
    }
  }
  return { actions, plain, unreadable };
}

describe('the server-action registry of the hostile-input fuzz', () => {
  const { actions, plain, unreadable } = declared();

  test('finds the actions it reads (the parser still understands the sources)', () => {
    expect(actions.length).toBeGreaterThan(60);
    expect(unreadable, 'exported from a use-server file, but neither validatedAction({ schema, guard }) nor a function').toEqual([]);
  });

  test('every validatedAction in app/ is in the registry with the schema and caller of its source', () => {
    const listed = ACTIONS.map(({ file, action, schemaName, caller }) => ({ file, action, schemaName, caller }));
    const key = (a: { file: string; action: string }) => `${a.file}#${a.action}`;
    expect(listed.map(key).sort(), 'lib/reliability/action-registry.ts ACTIONS').toEqual(actions.map(key).sort());
    for (const a of actions) expect(listed.find((l) => key(l) === key(a)), key(a)).toEqual(a);
    // …and the registry's schema is the very one the action imports (same name, same module).
    const registryImports = importsOf(readFileSync(path.join(import.meta.dirname, 'action-registry.ts'), 'utf8'));
    for (const a of actions) {
      const from = importsOf(readFileSync(path.join(ROOT, a.file), 'utf8'))[a.schemaName];
      if (from) expect(registryImports[a.schemaName], `${key(a)} imports ${a.schemaName} from ${from}`).toBe(from);
    }
  });

  test('every other server function in app/ is listed with what it does with its input', () => {
    const key = (a: { file: string; action: string }) => `${a.file}#${a.action}`;
    expect(PLAIN_ACTIONS.map(key).sort(), 'lib/reliability/action-registry.ts PLAIN_ACTIONS').toEqual(plain.map(key).sort());
  });
});

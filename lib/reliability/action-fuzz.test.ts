// Hostile input (issue 13): every server action, called the way Next calls it (the real action
// module: its guard, its schema through validatedAction, its service), is sent fast-check forms
// with wrong types, missing fields, huge strings, odd unicode, control characters, markup and
// forged keys. A refused form must come back as a typed error with a message on one of the form's
// fields, every message from the catalogue (so in English and Dutch), and nothing written.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { FormState } from '@/lib/actions';
import { createSession } from '@/lib/auth/sessions';
import { catalogues } from '@/lib/i18n/catalogue';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, makeUser } from '@/lib/test-utils/factories';
import { ACTIONS, type RegisteredAction } from './action-registry';
import { describeForm, hostileForm, hostileText, schemaFields, toFormData, type HostileForm } from './fuzz-arbitraries';

const env = vi.hoisted(() => ({ db: null as unknown, sid: null as string | null, ip: 0, cookies: new Map<string, string>() }));
vi.mock('@/db/client', async (orig) => ({ ...(await orig<typeof import('@/db/client')>()), getDb: async () => env.db }));
// Each call comes from a new address, so the public forms' rate limits never answer for the schema.
vi.mock('@/lib/http/request', async (orig) => ({
  ...(await orig<typeof import('@/lib/http/request')>()),
  requestMeta: async () => {
    const n = ++env.ip;
    return { ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, userAgent: 'Vitest/1.0 (fuzz)' };
  },
}));
vi.mock('@/lib/i18n/server', async (orig) => ({ ...(await orig<typeof import('@/lib/i18n/server')>()), requestLocale: async () => 'en' as const }));
// The guards read the session id from next-auth's cookie (lib/auth/session-cookie.ts): the persona's.
vi.mock('@/lib/auth/session-cookie', async (orig) => ({ ...(await orig<typeof import('@/lib/auth/session-cookie')>()), sessionIdFromCookie: async () => env.sid ?? null }));
vi.mock('next/cache', async (orig) => ({ ...(await orig<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/headers', async (orig) => ({
  ...(await orig<typeof import('next/headers')>()),
  headers: async () => new Headers({ 'user-agent': 'Vitest/1.0 (fuzz)' }),
  cookies: async () => ({ get: (name: string) => (env.cookies.has(name) ? { name, value: env.cookies.get(name) } : undefined), set: (name: string, value: string) => env.cookies.set(name, value) }),
}));
// Every message the actions answer with goes through this translator: it checks that the key is
// in both catalogues and answers ⟦key⟧, so a message that did not come from the catalogue (zod's
// own English, a raw error) stands out.
const keyIn = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
vi.mock('@/lib/i18n/translator', async (orig) => {
  const real = await orig<typeof import('@/lib/i18n/translator')>();
  return { ...real, translatorFor: () => (key: string) => (typeof keyIn(catalogues.en, key) === 'string' && typeof keyIn(catalogues.nl, key) === 'string' ? `⟦${key}⟧` : `missing catalogue key ${key}`) };
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

let t: TestDb;
const sessionOf: Record<'owner' | 'staff', string> = { owner: '', staff: '' };
let tables: string[] = [];

beforeAll(async () => {
  process.env.TEST_HOOKS = '1'; // the bot check takes 'test-pass', so public forms reach their schema
  t = await createTestDb();
  env.db = t.db;
  const { sessionIds } = await makeOwnerAccount(t.db, { sessions: 1 });
  sessionOf.owner = sessionIds[0];
  const staff = await makeUser(t.db, null, { role: 'staff', email: 'fuzz-staff@example.test' });
  sessionOf.staff = await createSession(t.db, staff.id, { ip: '192.0.2.9', userAgent: 'Vitest' });
  // What a refused form must leave as it was: every table but the guard's own bookkeeping (the
  // public forms' rate-limit hits and spent challenges are committed on purpose, ACC-4).
  const rows = await t.db.execute<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' and tablename not in ('rate_limits', 'spent_challenges') order by 1`);
  tables = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { name: string }[] }).rows).map((r) => r.name);
}, 300_000);
afterAll(async () => t?.dispose());

async function rowCounts(): Promise<Record<string, number>> {
  const query = tables.map((name) => `(select count(*) from "${name}")::int as "${name}"`).join(', ');
  const rows = await t.db.execute(sql.raw(`select ${query}`));
  return (Array.isArray(rows) ? rows[0] : (rows as unknown as { rows: Record<string, number>[] }).rows[0]) as Record<string, number>;
}

const isNextControlFlow = (err: unknown) => typeof (err as { digest?: unknown })?.digest === 'string' && /^NEXT_(REDIRECT|NOT_FOUND|HTTP_ERROR)/.test((err as { digest: string }).digest);
const fromCatalogue = (m: string | undefined) => m === undefined || /^⟦[\w.]+⟧$/.test(m);

async function fuzzAction(entry: RegisteredAction) {
  const action = await entry.load();
  const fields = schemaFields(entry.schema);
  const constant: Record<string, string> = entry.caller === 'public' ? { botCheck: 'test-pass' } : {};
  let refused = 0;
  // Counting every table takes a while, so the counts are taken at checkpoints: before and after
  // each form the schema accepts (its service may write), and at the end. Between two checkpoints
  // only refused forms ran, so the counts must not have moved.
  let baseline = await rowCounts();
  let refusedSince: string[] = [];
  const checkpoint = async () => {
    expect(await rowCounts(), `${entry.action} wrote while refusing one of ${refusedSince.slice(-5).join(' | ')}`).toEqual(baseline);
    refusedSince = [];
  };
  await fc.assert(
    fc.asyncProperty(hostileForm(fields.filter((f) => !(f in constant))), async (form: HostileForm) => {
      const fd = toFormData(form, constant);
      env.sid = entry.caller === 'public' ? null : sessionOf[entry.caller];
      const raw = Object.fromEntries([...new Set(fd.keys())].map((k) => [k, fd.getAll(k).length > 1 ? fd.getAll(k) : fd.get(k)]));
      const invalid = !entry.schema.safeParse(raw).success;
      if (!invalid) await checkpoint();
      let state: FormState<unknown>;
      try {
        state = await action({ status: 'idle' }, fd);
      } catch (err) {
        if (!invalid && isNextControlFlow(err)) state = { status: 'ok' }; // a valid form may end in a redirect, as in the browser
        else throw new Error(`${entry.action} threw on ${describeForm(form)}: ${(err as Error)?.stack ?? err}`);
      } finally {
        if (!invalid) baseline = await rowCounts();
      }
      if (state.status === 'error') {
        for (const m of [state.formError, ...Object.values(state.fieldErrors).flat()]) {
          expect(fromCatalogue(m), `${entry.action}: "${m}" is not a catalogue message (${describeForm(form)})`).toBe(true);
        }
      }
      if (!invalid) return; // hostile but acceptable: the service had its say, with a typed answer
      refused++;
      refusedSince.push(describeForm(form));
      expect(state.status, `${entry.action} accepted ${describeForm(form)}`).toBe('error');
      if (state.status !== 'error') return;
      const keys = Object.keys(state.fieldErrors);
      expect(keys.length, `${entry.action}: no field message for ${describeForm(form)}`).toBeGreaterThan(0);
      for (const k of keys) expect(fields, `${entry.action}: message on "${k}", which is no field of the form`).toContain(k.split('.')[0]);
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  await checkpoint();
  return refused;
}

describe('hostile input: every server action', () => {
  const withFields = ACTIONS.filter((a) => schemaFields(a.schema).length > 0);
  test.each(withFields.map((a) => [`${a.action} (${a.file})`, a] as const))(
    'refuses hostile forms with a field message and writes nothing: %s',
    async (_name, entry) => {
      const refused = await fuzzAction(entry);
      expect(refused, 'no hostile form was refused: the fuzz proved nothing').toBeGreaterThan(0);
    },
    120_000,
  );

  // Forms with nothing to fill in (a "Continue" or "Sign out everywhere" button) accept any
  // submission; what matters is that no submitted key reaches the service.
  const empty = ACTIONS.filter((a) => schemaFields(a.schema).length === 0);
  test.each(empty.map((a) => [`${a.action} (${a.file})`, a] as const))('passes no submitted key on to the service: %s', (_name, entry) => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('accountId', 'userId', 'role', '__proto__', 'constructor', 'confirm'), hostileText), (extra) => {
        const parsed = entry.schema.safeParse(extra);
        expect(parsed.success).toBe(true);
        expect(Object.keys(parsed.data as object)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('hostile input: server functions that are not form actions', () => {
  test('chooseLanguage: any value but a known language changes nothing and never throws', async () => {
    const { chooseLanguage } = await import('@/app/actions/language');
    env.sid = sessionOf.owner;
    const before = await rowCounts();
    await fc.assert(
      fc.asyncProperty(hostileText.filter((s) => s !== 'en' && s !== 'nl'), async (locale) => {
        env.cookies.clear();
        const fd = new FormData();
        fd.set('locale', locale);
        await chooseLanguage(fd);
        expect(env.cookies.size).toBe(0);
      }),
      { numRuns: RUNS },
    );
    expect(await rowCounts()).toEqual(before);
  });

  test('previewTermsAction: wrong types and oversized texts get a message in both languages, never an exception', async () => {
    const { previewTermsAction } = await import('@/app/staff/terms/actions');
    env.sid = sessionOf.staff;
    const anything = fc.oneof(hostileText, fc.constant(null), fc.integer(), fc.constant({ toString: 'x' }), fc.constant(['a']), fc.constant('x'.repeat(100_001)));
    await fc.assert(
      fc.asyncProperty(anything, anything, async (bodyEn, bodyNl) => {
        const out = await previewTermsAction({ bodyEn, bodyNl } as never);
        const fits = (v: unknown) => typeof v === 'string' && v.length <= 100_000;
        if (fits(bodyEn) && fits(bodyNl)) expect(Object.keys(out).sort()).toEqual(['en', 'nl']);
        else expect(out).toEqual({ error: expect.stringMatching(/^⟦[\w.]+⟧$/) });
      }),
      { numRuns: RUNS },
    );
  });
});

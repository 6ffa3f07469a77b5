// Hostile form submissions for the server-action fuzz: the fields a schema reads, each missing,
// of the wrong type (a file, a repeated key), empty, huge, in odd unicode, full of control
// characters or markup, or a value that looks like a number, a date or an id but is not quite one;
// plus keys no form has (prototype names, forged ids, Next's own hidden fields).
import fc from 'fast-check';
import type { z } from 'zod';

type Def = { type: string; shape?: Record<string, z.ZodType>; in?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The top-level field names a (zod 4) form schema reads: objects, through pipes, wrappers, unions and intersections. */
export function schemaFields(schema: z.ZodType): string[] {
  const out = new Set<string>();
  const walk = (s: z.ZodType | undefined) => {
    if (!s) return;
    const def = defOf(s);
    switch (def.type) {
      case 'object':
        for (const k of Object.keys(def.shape ?? {})) out.add(k);
        break;
      case 'pipe':
        walk(def.in);
        break;
      case 'union':
        for (const o of def.options ?? []) walk(o);
        break;
      case 'intersection':
        walk(def.left);
        walk(def.right);
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
        walk(def.innerType);
        break;
    }
  };
  walk(schema);
  return [...out];
}

/** Markup that must only ever show as text (pages, emails, PDFs). */
export const HTML_NAME = '<img src=x onerror=alert(1)><b>Bold</b>';

const TRICKY = [
  '',
  ' ',
  HTML_NAME,
  "'; drop table users; --",
  '${{7*7}}',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  '９９',
  '-1',
  '1.005',
  '99999999999999999999999999',
  '9007199254740993',
  'true',
  'null',
  'undefined',
  '[object Object]',
  '{"a":1}',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  'a\u0000b',
  '\u202eevil',
  '\ufeffbom',
  '../../etc/passwd',
  '%00',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏳️‍🌈',
  'a@b',
  'user@example.test\r\nBcc: everyone@example.test',
];

const huge = fc.constantFrom('A'.repeat(100_000), '€'.repeat(60_000), '<b>x</b>'.repeat(20_000), '9'.repeat(50_000));
const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 12 });

/** One hostile text value. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: controlChars },
  { weight: 1, arbitrary: huge },
);

/** One field as submitted: missing, one text, a file where text belongs, or the key repeated. */
export type HostileValue = { kind: 'missing' } | { kind: 'text'; value: string } | { kind: 'file'; name: string; body: string } | { kind: 'repeated'; values: string[] };

export const hostileValue: fc.Arbitrary<HostileValue> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'missing' as const }) },
  { weight: 6, arbitrary: hostileText.map((value) => ({ kind: 'text' as const, value })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('file' as const), name: fc.constantFrom('x.csv', '../../x.exe', HTML_NAME), body: fc.constantFrom('', 'code\nA', '\u0000\u0001') }) },
  { weight: 1, arbitrary: fc.array(hostileText.filter((s) => s.length < 1000), { minLength: 2, maxLength: 3 }).map((values) => ({ kind: 'repeated' as const, values })) },
);

/** Keys no form of ours sends: prototype names, forged owners, Next's hidden action fields. */
const EXTRA_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'accountId', 'userId', 'role', '$ACTION_ID_0'];

export type HostileForm = { fields: Record<string, HostileValue>; extra: Record<string, string> };

export function hostileForm(fields: string[]): fc.Arbitrary<HostileForm> {
  const record: Record<string, fc.Arbitrary<HostileValue>> = {};
  for (const f of fields) record[f] = hostileValue;
  return fc.record({
    fields: fc.record(record),
    extra: fc.dictionary(fc.constantFrom(...EXTRA_KEYS), hostileText.filter((s) => s.length < 100), { maxKeys: 3 }),
  });
}

/** The FormData a browser (or a script posting to the action) would send. */
export function toFormData(form: HostileForm, constant: Record<string, string> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(constant)) fd.append(k, v);
  for (const [k, v] of Object.entries(form.fields)) {
    if (k in constant) continue;
    if (v.kind === 'text') fd.append(k, v.value);
    else if (v.kind === 'file') fd.append(k, new File([v.body], v.name, { type: 'text/plain' }));
    else if (v.kind === 'repeated') for (const x of v.values) fd.append(k, x);
  }
  for (const [k, v] of Object.entries(form.extra)) fd.append(k, v);
  return fd;
}

/** A short description of a form for failure messages (huge values shortened). */
export function describeForm(form: HostileForm): string {
  const short = (s: string) => (s.length > 60 ? `${JSON.stringify(s.slice(0, 40))}…(${s.length} chars)` : JSON.stringify(s));
  const parts = Object.entries(form.fields).map(([k, v]) =>
    v.kind === 'missing' ? `${k}: —` : v.kind === 'text' ? `${k}: ${short(v.value)}` : v.kind === 'file' ? `${k}: File(${v.name})` : `${k}: [${v.values.map(short).join(', ')}]`,
  );
  for (const [k, v] of Object.entries(form.extra)) parts.push(`+${k}: ${short(v)}`);
  return `{ ${parts.join('; ')} }`;
}

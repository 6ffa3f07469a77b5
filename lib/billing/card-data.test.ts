// PAY-5: the card number is typed into the processor's hosted form and nothing of ours ever holds
// it: not a table, not a log line. The whole path runs here — the hosted form's POST handler, the
// return to the app (addPaymentMethod: payment method, invoice, charge, audit, email) — and then
// every column of every table is searched for the number.
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { now } from '@/lib/clock';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { createSetupReference, type SetupBinding } from './payment-setup';
import { submitCardForm } from './sandbox-hosted';
import { SandboxProcessor } from './sandbox-processor';
import { addPaymentMethod } from './subscriptions';
import { createTrialAccount } from './test-helpers';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.dispose());

const CARD = '4242424242424242';
const FRAGMENTS = [CARD, '4242 4242 4242 4242', '424242424242', '42424242'];

/** A signed-in owner's account and browser session, and a setup reference signed for them. */
async function ownerSetup() {
  const { account, owner } = await createTrialAccount(t.db, now());
  const binding: SetupBinding = { accountId: account.id, sessionId: randomUUID() };
  return { account, owner, binding, reference: createSetupReference(binding, now()) };
}

/** Posts the hosted card form the way the browser does; `return` defaults to the app's. */
function submitHostedCardForm(binding: SetupBinding, fields: Record<string, string>): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ return: '/account/billing/return', ...fields })) form.set(k, v);
  const req = new Request('http://localhost/api/processor/card', { method: 'POST', body: form });
  return submitCardForm(req, { db: t.db, processor: new SandboxProcessor(async () => t.db), binding, ip: '192.0.2.10', at: now() });
}

/** Everything written to the console or the process streams while `fn` runs. */
async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...args) => void chunks.push(args.map(String).join(' ')))),
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true)),
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true)),
  ];
  try {
    return { result: await fn(), output: chunks.join('\n') };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}

/** Rows of a raw query on either driver (PGlite answers { rows }, postgres-js an array). */
async function queryRows<R>(query: SQL): Promise<R[]> {
  const res = (await t.db.execute(query)) as unknown as { rows?: R[] } | R[];
  return Array.isArray(res) ? res : (res.rows ?? []);
}

async function everyTableAsText(): Promise<string> {
  const rows = await queryRows<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const out: string[] = [];
  for (const { table_name } of rows) {
    const r = await queryRows<{ text: string }>(sql.raw(`select coalesce(string_agg(x::text, E'\\n'), '') as text from "${table_name}" x`));
    out.push(`${table_name}: ${r[0]?.text ?? ''}`);
  }
  return out.join('\n');
}

describe('card data', () => {
  test('PAY-5 a submitted card number appears nowhere in our database or server logs', async () => {
    const { account, owner, binding, reference } = await ownerSetup();
    const { result: res, output } = await captureOutput(async () => {
      const r = await submitHostedCardForm(binding, { reference, holderName: 'Eva Billing', number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' });
      const location = new URL(r.headers.get('location')!, 'http://localhost');
      const token = location.searchParams.get('token')!;
      await addPaymentMethod(t.db, new SandboxProcessor(async () => t.db), { accountId: account.id, token, reference, actor: { type: 'owner', id: owner.id } });
      return r;
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/account\/billing\/return\?token=tok_/);

    const db = await everyTableAsText();
    // The flow really wrote: the method (last four), the invoice and the charge are there…
    expect(db).toMatch(/payment_methods: .*4242/);
    expect(db).toMatch(/INV-\d{4}-000001/);
    // …but never the number, in any spelling, nor in the redirect or the output.
    for (const f of FRAGMENTS) {
      expect(db).not.toContain(f);
      expect(output).not.toContain(f);
      expect(location).not.toContain(f);
    }
  });

  test('PAY-5 an invalid card is refused on the hosted form and the page does not echo the number back', async () => {
    const { binding, reference } = await ownerSetup();
    const res = await submitHostedCardForm(binding, { reference, holderName: 'Eva Billing', number: '4242 4242 4242 4241', expiry: '13/30', cvc: '12' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('This card number is not valid.');
    expect(html).toContain('Enter the expiry date as MM/YY.');
    expect(html).toContain('Enter the 3 or 4 digit security code.');
    expect(html).not.toContain('4242 4242 4242 4241');
    expect(html).not.toContain('4242424242424241');
  });

  test('PAY-5 the hosted form never sends the owner to another site', async () => {
    const { binding, reference } = await ownerSetup();
    const res = await submitHostedCardForm(binding, { reference, return: '//evil.example/steal', holderName: 'Eva Billing', number: CARD, expiry: '12/34', cvc: '123' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox } from '@/db/schema';
import { setClock } from '@/lib/clock';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { renderEmail } from './render';
import { deliverOutbox, emailHtml, MAX_DELIVERY_ATTEMPTS, queueEmail, type Mailer } from './outbox';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  setClock(null);
  await t.dispose();
});

const mail = (n: string) => ({ subject: `Hello ${n}`, paragraphs: ['Body <b>text</b>'], action: { label: 'Open', url: 'https://example.test/x' } });

describe('outbox', () => {
  test('OPS-3 an email queued in a rolled-back transaction is never stored', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await queueEmail(tx, 'rollback@example.test', mail('rollback'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.db.select().from(outbox).where(eq(outbox.to, 'rollback@example.test'))).toHaveLength(0);
  });

  test('OPS-3 queued emails have text and escaped HTML bodies and are delivered once', async () => {
    await queueEmail(t.db, 'one@example.test', mail('one'));
    const sent: string[] = [];
    const mailer: Mailer = async (m) => void sent.push(m.to);
    await Promise.all([deliverOutbox(t.db, mailer), deliverOutbox(t.db, mailer)]);
    expect(sent.filter((s) => s === 'one@example.test')).toHaveLength(1);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.to, 'one@example.test'));
    expect(row.status).toBe('sent');
    expect(row.text).toContain('https://example.test/x');
    expect(emailHtml(row)).toContain('&lt;b&gt;');
  });

  test('OPS-3 the HTML is laid out when the email is delivered, from the content stored with its text; an older row keeps its stored HTML', async () => {
    await queueEmail(t.db, 'later@example.test', { locale: 'nl', ...mail('later') });
    const [row] = await t.db.select().from(outbox).where(eq(outbox.to, 'later@example.test'));
    expect(row.html).toBeNull();
    expect(row.content).toEqual({ locale: 'nl', paragraphs: ['Body <b>text</b>'], action: { label: 'Open', url: 'https://example.test/x' } });
    expect(row.subject).toBe('Hello later');
    expect(row.text).toContain('Body <b>text</b>');

    const at = new Date();
    await t.db.insert(outbox).values({ to: 'older@example.test', subject: 'Older', text: 'Older text', html: '<p>Stored before content</p>', nextAttemptAt: at, createdAt: at });
    const delivered = new Map<string, string>();
    await deliverOutbox(t.db, async (m) => void delivered.set(m.to, m.html));
    expect(delivered.get('later@example.test')).toBe(renderEmail({ locale: 'nl', ...mail('later') }).html);
    expect(delivered.get('later@example.test')).toContain('<html lang="nl">');
    expect(delivered.get('older@example.test')).toBe('<p>Stored before content</p>');
  });

  test('OPS-3 a failed delivery is retried later with backoff, then marked failed', async () => {
    await queueEmail(t.db, 'flaky@example.test', mail('flaky'));
    const failing: Mailer = async () => {
      throw new Error('SMTP down');
    };
    let clock = Date.now();
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++) {
      setClock(new Date(clock));
      await deliverOutbox(t.db, failing);
      const [row] = await t.db.select().from(outbox).where(eq(outbox.to, 'flaky@example.test'));
      expect(row.attempts).toBe(i + 1);
      expect(row.lastError).toContain('SMTP down');
      // Not retried before its next attempt time.
      await deliverOutbox(t.db, failing);
      expect((await t.db.select().from(outbox).where(eq(outbox.to, 'flaky@example.test')))[0].attempts).toBe(i + 1);
      clock = row.nextAttemptAt.getTime() + 1000;
    }
    const [row] = await t.db.select().from(outbox).where(eq(outbox.to, 'flaky@example.test'));
    expect(row.status).toBe('failed');
  });

  test('OPS-3 without SMTP the email is held, readable in the outbox', async () => {
    setClock(null);
    await queueEmail(t.db, 'held@example.test', mail('held'));
    await deliverOutbox(t.db, null);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.to, 'held@example.test'));
    expect(row.status).toBe('held');
  });
});

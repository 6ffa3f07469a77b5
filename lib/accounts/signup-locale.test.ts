// Issue 9: the owner keeps the language they signed up in (users.locale), so that their emails
// and their other devices use it. The action passes the request's language into the service.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { users } from '@/db/schema';
import { now } from '@/lib/clock';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { signupSchema } from './schemas';
import { signUp } from './signup';

// The action reads the request (address, language) and the database; all three point at this test.
const request = vi.hoisted(() => ({ locale: 'nl' as 'en' | 'nl', db: null as unknown }));
vi.mock('@/lib/http/request', async (orig) => ({
  ...(await orig<typeof import('@/lib/http/request')>()),
  requestMeta: async () => ({ ip: '192.0.2.77', userAgent: 'Vitest/1.0 (signup locale)' }),
}));
vi.mock('@/lib/i18n/server', async () => ({ requestLocale: async () => request.locale }));
vi.mock('@/db/client', async (orig) => ({ ...(await orig<typeof import('@/db/client')>()), getDb: async () => request.db }));

let t: TestDb;
beforeAll(async () => {
  process.env.TEST_HOOKS = '1';
  process.env.BOT_CHECK_MAX_NUMBER = '2000';
  t = await createTestDb();
  request.db = t.db;
});
afterAll(async () => t.dispose());

const fields = (n: string) => ({
  fullName: 'Jana Novakova',
  email: `locale-${n}@example.test`,
  password: 'correct horse battery staple',
  companyName: `Locale ${n}`,
  slug: `locale-${n}`,
  dateOfBirth: '1990-04-12',
  acceptTerms: 'on',
  botCheck: 'test-pass',
});
const localeOf = async (email: string) => (await t.db.select({ locale: users.locale }).from(users).where(eq(users.email, email)))[0]?.locale;
const meta = { ip: '192.0.2.78', userAgent: 'Vitest/1.0' };

describe('the owner’s language at signup', () => {
  test('the service stores the language it is given on the new owner', async () => {
    await signUp(t.db, signupSchema.parse(fields('service-nl')), { ...meta, locale: 'nl' }, now());
    expect(await localeOf('locale-service-nl@example.test')).toBe('nl');
    await signUp(t.db, signupSchema.parse(fields('service-en')), { ...meta, locale: 'en' }, now());
    expect(await localeOf('locale-service-en@example.test')).toBe('en');
  });

  test('without a language (a job, a test) the owner gets English', async () => {
    await signUp(t.db, signupSchema.parse(fields('service-none')), meta, now());
    expect(await localeOf('locale-service-none@example.test')).toBe('en');
  });

  test('the signup action stores the request’s language: Dutch when the page was read in Dutch', async () => {
    const { signupAction } = await import('@/app/(public)/signup/actions');
    const form = (values: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(values)) fd.set(k, v);
      return fd;
    };
    request.locale = 'nl';
    expect(await signupAction({ status: 'idle' }, form(fields('action-nl')))).toMatchObject({ status: 'ok' });
    expect(await localeOf('locale-action-nl@example.test')).toBe('nl');
    request.locale = 'en';
    expect(await signupAction({ status: 'idle' }, form(fields('action-en')))).toMatchObject({ status: 'ok' });
    expect(await localeOf('locale-action-en@example.test')).toBe('en');
  });
});

import { afterEach, describe, expect, test } from 'vitest';
import { setClock } from '@/lib/clock';
import { ACCEPT_TERMS_MESSAGE, signupSchema, UNDER_18_MESSAGE } from './schemas';
import { translateMessage } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';

/** A message reference as an English reader sees it. */
const en = (m: string | null | undefined) => (m ? translateMessage(translatorFor('en'), m) : m);

const valid = {
  fullName: 'Jana Nováková',
  email: 'Jana@Example.TEST',
  password: 'correct horse battery staple',
  companyName: 'Café Žilina s.r.o.',
  slug: 'Cafe-Zilina',
  dateOfBirth: '1990-04-12',
  acceptTerms: 'on',
  botCheck: 'test-pass',
};

function errors(input: Record<string, unknown>) {
  const r = signupSchema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), en(i.message)]));
}

describe('signup schema', () => {
  afterEach(() => setClock(null));

  test('ACC-1 a complete signup parses; email and address are normalised to lower case', () => {
    const r = signupSchema.parse(valid);
    expect(r.email).toBe('jana@example.test');
    expect(r.slug).toBe('cafe-zilina');
  });

  test('ACC-1 every missing field gets its own message', () => {
    const e = errors({ fullName: '', email: '', password: '', companyName: '', slug: '', dateOfBirth: '', botCheck: '' });
    for (const k of ['fullName', 'email', 'password', 'companyName', 'slug', 'dateOfBirth', 'acceptTerms', 'botCheck']) expect(e[k]).toBeTruthy();
    expect(errors({ ...valid, email: 'not-an-email' }).email).toMatch(/valid email/);
    expect(errors({ ...valid, slug: 'www' }).slug).toMatch(/reserved/);
  });

  test('ACC-9 a password shorter than 12 characters is refused', () => {
    expect(errors({ ...valid, password: 'short-pass1' }).password).toMatch(/at least 12/);
    expect(errors({ ...valid, password: 'twelve-chars' }).password).toBeUndefined();
  });

  test('ACC-3 under 18 is refused with a clear message, judged by the app clock', () => {
    setClock(new Date('2026-11-25T12:00:00Z'));
    expect(errors({ ...valid, dateOfBirth: '2008-11-26' }).dateOfBirth).toBe(en(UNDER_18_MESSAGE));
    expect(errors({ ...valid, dateOfBirth: '2008-11-25' }).dateOfBirth).toBeUndefined();
  });

  test('ACC-5 the terms must be ticked', () => {
    expect(errors({ ...valid, acceptTerms: undefined }).acceptTerms).toBe(en(ACCEPT_TERMS_MESSAGE));
    expect(errors({ ...valid, acceptTerms: false }).acceptTerms).toBe(en(ACCEPT_TERMS_MESSAGE));
    expect(errors({ ...valid, acceptTerms: true }).acceptTerms).toBeUndefined();
  });
});

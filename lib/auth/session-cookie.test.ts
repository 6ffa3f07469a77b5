// The pages read the session id from next-auth's cookie with next-auth's own `decode` instead of
// running getServerSession: the same token must be accepted and every bad one refused.
import { encode } from 'next-auth/jwt';
import { describe, expect, test } from 'vitest';
import { authOptions } from './options';
import { sessionCookieName, sessionIdFromToken, sessionTokenFrom } from './session-cookie';

const secret = authOptions.secret!;

describe('reading the session id from the session cookie', () => {
  test('a token next-auth issued at sign-in gives its session id', async () => {
    const token = await encode({ token: { sid: 'session-1', role: 'owner', email: 'a@example.test' }, secret, maxAge: 60 });
    expect(await sessionIdFromToken(token)).toBe('session-1');
  });

  test('an expired, forged, tampered or empty token gives no session', async () => {
    const expired = await encode({ token: { sid: 'session-1' }, secret, maxAge: -120 });
    const otherSecret = await encode({ token: { sid: 'session-1' }, secret: 'another-secret', maxAge: 60 });
    const good = await encode({ token: { sid: 'session-1' }, secret, maxAge: 60 });
    const tampered = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const token of [expired, otherSecret, tampered, 'not-a-token', '', null]) expect(await sessionIdFromToken(token)).toBeNull();
  });

  test('a token without a session id gives no session', async () => {
    expect(await sessionIdFromToken(await encode({ token: { email: 'a@example.test' }, secret, maxAge: 60 }))).toBeNull();
    expect(await sessionIdFromToken(await encode({ token: { sid: 42 } as unknown as { sid: string }, secret, maxAge: 60 }))).toBeNull();
  });

  test('the cookie name follows next-auth: the __Secure- prefix only when the site is https', () => {
    expect(sessionCookieName({ NEXTAUTH_URL: 'https://desk.example' }, 'evil.example', 'http')).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName({ NEXTAUTH_URL: 'http://127.0.0.1:3000' }, 'desk.example', 'https')).toBe('next-auth.session-token');
    // Without NEXTAUTH_URL the request's host counts only where next-auth trusts it.
    expect(sessionCookieName({}, 'desk.example', 'https')).toBe('next-auth.session-token');
    expect(sessionCookieName({ AUTH_TRUST_HOST: '1' }, 'desk.example', 'https')).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName({ AUTH_TRUST_HOST: '1' }, 'desk.example', 'http')).toBe('next-auth.session-token');
  });

  test('a token split over several cookies is joined in order; other cookies are ignored', () => {
    const name = 'next-auth.session-token';
    expect(sessionTokenFrom([{ name: `${name}.1`, value: 'B' }, { name: 'other', value: 'X' }, { name: `${name}.0`, value: 'A' }], name)).toBe('AB');
    expect(sessionTokenFrom([{ name, value: 'T' }], name)).toBe('T');
    expect(sessionTokenFrom([{ name: 'next-auth.csrf-token', value: 'C' }], name)).toBeNull();
    // The plain name is not the secure one: a cookie set without the prefix is not read on https.
    expect(sessionTokenFrom([{ name, value: 'T' }], '__Secure-next-auth.session-token')).toBeNull();
  });
});

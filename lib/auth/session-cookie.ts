// The session id of the request, read straight from next-auth's session cookie.
//
// `getServerSession()` runs next-auth's whole request handler for this (options, a CSRF token,
// the callbacks) and then encrypts a fresh token that a server component cannot even set; the
// pages only need the session id inside the token. This decrypts and verifies the same cookie with
// next-auth's own `decode` (same secret, same expiry check) and nothing else. Whether the session
// is alive is still decided by its row (lib/auth/sessions.ts loadSession).
import { cookies, headers } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { authOptions } from './options';

/**
 * next-auth's rule for its cookie names: the `__Secure-` prefix when the site's origin is https.
 * The origin is NEXTAUTH_URL; only on Vercel or with AUTH_TRUST_HOST is it taken from the request.
 */
export function sessionCookieName(env: Record<string, string | undefined>, forwardedHost: string | null, forwardedProto: string | null): string {
  let origin = env.NEXTAUTH_URL;
  if (!origin && (env.VERCEL ?? env.AUTH_TRUST_HOST)) origin = `${forwardedProto === 'http' ? 'http' : 'https'}://${forwardedHost}`;
  const secure = authOptions.useSecureCookies ?? (origin ?? '').startsWith('https://');
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}

/**
 * The token in the cookie jar: next-auth splits a large token into `name.0`, `name.1`, … and
 * joins every cookie whose name starts with the cookie name, ordered by that suffix (as its
 * SessionStore does).
 */
export function sessionTokenFrom(all: { name: string; value: string }[], cookieName: string): string | null {
  const chunks = all.filter((c) => c.name.startsWith(cookieName));
  if (!chunks.length) return null;
  const suffix = (name: string) => parseInt(name.split('.').pop() ?? '0');
  chunks.sort((a, b) => suffix(a.name) - suffix(b.name));
  return chunks.map((c) => c.value).join('');
}

/** The `sid` a valid, unexpired session token carries, or null (no cookie, forged, expired). */
export async function sessionIdFromToken(token: string | null, secret = authOptions.secret): Promise<string | null> {
  if (!token || !secret) return null;
  try {
    const payload = await decode({ token, secret });
    return typeof payload?.sid === 'string' ? payload.sid : null;
  } catch {
    return null;
  }
}

/** The session id of the current request, or null. */
export async function sessionIdFromCookie(): Promise<string | null> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const name = sessionCookieName(process.env, h.get('x-forwarded-host') ?? h.get('host'), h.get('x-forwarded-proto'));
  return sessionIdFromToken(sessionTokenFrom(jar.getAll(), name));
}

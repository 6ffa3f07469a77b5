// GDPR-10: the one-click unsubscribe link. The token names the address and the purpose and is
// signed with a key derived from the app secret, so following it needs no database lookup and a
// changed address or purpose fails the check. It never expires: an old email must still work.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey } from '@/lib/http/secret';

export type UnsubscribePurpose = 'marketing';

function signature(payload: string): Buffer {
  return createHmac('sha256', derivedKey('unsubscribe')).update(payload).digest();
}

export function signUnsubscribeToken(email: string, purpose: UnsubscribePurpose = 'marketing'): string {
  const payload = Buffer.from(JSON.stringify({ e: email.toLowerCase(), p: purpose })).toString('base64url');
  return `${payload}.${signature(payload).toString('base64url')}`;
}

/** The address and purpose a token names, or null when it is malformed or its signature is wrong. */
export function verifyUnsubscribeToken(token: string | null | undefined): { email: string; purpose: UnsubscribePurpose } | null {
  if (!token || token.length > 2000) return null;
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return null;
  const expected = signature(payload);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { e?: unknown; p?: unknown };
    if (typeof data.e !== 'string' || !data.e.includes('@') || data.p !== 'marketing') return null;
    return { email: data.e, purpose: data.p };
  } catch {
    return null;
  }
}

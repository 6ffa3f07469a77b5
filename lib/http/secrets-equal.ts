// Comparing a secret presented by a caller (a bearer token) with the configured one. Both sides
// are hashed first, so the comparison always runs on two 32-byte digests: no length oracle, no
// exception on multi-byte characters (whose UTF-8 bytes outnumber their characters), and the time
// it takes says nothing about how much of the secret was right.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** True only when a secret is configured (non-empty) and `presented` is exactly that secret. */
export function secretsEqual(presented: string | null | undefined, configured: string | null | undefined): boolean {
  if (!configured) return false;
  // Always hash and compare, even for a missing value, so every refusal costs the same.
  const same = timingSafeEqual(digest(presented ?? ''), digest(configured));
  return same && typeof presented === 'string';
}

/** The token of an `Authorization: Bearer …` header ('' when there is none). */
export function bearerToken(req: Request): string {
  return (req.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
}

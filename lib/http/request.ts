import { isIP } from 'node:net';
import { headers } from 'next/headers';

/**
 * Internal header that scripts/server.mjs sets to the TCP peer's address (dropping any value the
 * client sent under that name). Only that server may set it: instrumentation.ts refuses to run a
 * production app that was started some other way.
 */
export const PEER_HEADER = 'x-accountdesk-peer';

/** Internal header proxy.ts sets to the requested path (replacing any value the client sent). */
export const PATH_HEADER = 'x-accountdesk-path';

/** The caller's IP and user agent. */
export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get('user-agent')?.slice(0, 400) ?? '' };
}

/**
 * How many proxies in front of the app may be believed when they say who the client is
 * (`TRUST_PROXY=N`; unset, 0 or anything else: none).
 */
export function trustedProxyCount(value = process.env.TRUST_PROXY): number {
  if (!value || !/^\d+$/.test(value.trim())) return 0;
  return Math.min(Number(value.trim()), 10);
}

/**
 * The client's address. Without trusted proxies it is the TCP peer, whatever X-Forwarded-For
 * says: anyone can send that header. With N trusted proxies, each of them appended the address it
 * saw, so the N-th entry from the right is the last one written by a proxy we trust; entries to
 * its left were written by the client and are ignored.
 */
export function resolveClientIp(peer: string | null, forwardedFor: string | null, trustedProxies: number): string {
  const direct = normaliseIp(peer) ?? 'unknown';
  if (trustedProxies <= 0 || !forwardedFor) return direct;
  const hops = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean);
  if (hops.length === 0) return direct;
  return normaliseIp(hops[Math.max(0, hops.length - trustedProxies)]) ?? direct;
}

export function clientIp(h: Headers): string {
  return resolveClientIp(h.get(PEER_HEADER), h.get('x-forwarded-for'), trustedProxyCount());
}

/** A bare IPv4/IPv6 address (IPv4-mapped IPv6 shortened), or null for anything else. */
function normaliseIp(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.trim();
  if (v.startsWith('::ffff:') && isIP(v.slice(7)) === 4) v = v.slice(7);
  return isIP(v) ? v : null;
}

export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}

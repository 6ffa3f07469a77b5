import { headers } from 'next/headers';

/** The caller's IP and user agent, as seen through the proxy in front of the app. */
export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get('user-agent')?.slice(0, 400) ?? '' };
}

/**
 * Behind a trusted proxy (TRUST_PROXY=1) the first X-Forwarded-For entry is the client; otherwise
 * only the entry that Next.js itself appended (the last one) can be trusted.
 */
export function clientIp(h: Headers): string {
  const forwarded = h.get('x-forwarded-for');
  if (forwarded) {
    const hops = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
    const ip = process.env.TRUST_PROXY === '1' ? hops[0] : hops[hops.length - 1];
    if (ip) return ip.slice(0, 64);
  }
  return h.get('x-real-ip')?.slice(0, 64) ?? '127.0.0.1';
}

export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}

// ACC-8: login-sharing signals and thresholds. Pure: no clock, no database.
//
// A login is shared when it is used, within the same hour, from two sessions on different devices
// AND from different networks — on at least `minDays` distinct days within the last `windowDays`.
// One person with a laptop and a phone on the same Wi-Fi, or one browser moving between home and
// office, is neither.
import { isIP } from 'node:net';
import UAParser from 'ua-parser-js';
import type { Interval } from '@/lib/billing/periods';

export interface SharingThresholds {
  /** Distinct days with overlapping use from different devices and networks. */
  minDays: number;
  /** How far back the days are counted (and how long activity is kept). */
  windowDays: number;
}

export const DEFAULT_THRESHOLDS: SharingThresholds = { minDays: 3, windowDays: 14 };

/**
 * The thresholds from LOGIN_SHARING_MIN_DAYS and LOGIN_SHARING_WINDOW_DAYS (whole numbers; the
 * window at least as long as the days it must hold, at most 90 days); defaults otherwise.
 */
export function sharingThresholds(env: Record<string, string | undefined> = process.env): SharingThresholds {
  const int = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? Number(v.trim()) : null);
  const minDays = Math.max(1, Math.min(int(env.LOGIN_SHARING_MIN_DAYS) ?? DEFAULT_THRESHOLDS.minDays, 90));
  const windowDays = Math.max(minDays, Math.min(int(env.LOGIN_SHARING_WINDOW_DAYS) ?? DEFAULT_THRESHOLDS.windowDays, 90));
  return { minDays, windowDays };
}

/** The network an address belongs to: its /24 for IPv4, its /48 for IPv6; 'unknown' otherwise. */
export function networkOf(ip: string | null | undefined): string {
  const v = (ip ?? '').trim();
  const kind = isIP(v);
  if (kind === 4) return `${v.split('.').slice(0, 3).join('.')}.0/24`;
  if (kind === 6) return `${expandIpv6(v).slice(0, 3).join(':')}::/48`;
  return 'unknown';
}

function expandIpv6(v: string): string[] {
  const [head, tail = ''] = v.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = v.includes('::') && tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups; only the first three matter here.
  const groups = v.includes('::') ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return groups.map((g) => (g.includes('.') ? g : String(parseInt(g || '0', 16).toString(16))));
}

/** The device family of a user agent: browser and operating system, e.g. "Firefox on macOS". */
export function deviceOf(userAgent: string | null | undefined): string {
  if (!userAgent) return 'unknown';
  const r = new UAParser(userAgent).getResult();
  const browser = r.browser.name ?? 'unknown browser';
  const os = r.os.name ?? 'unknown system';
  const type = r.device.type ? ` (${r.device.type})` : '';
  return `${browser} on ${os}${type}`;
}

/** The start of the UTC hour `at` falls in: activity is bucketed per session per hour. */
export function hourOf(at: Date): Date {
  const d = new Date(at.getTime());
  d.setUTCMinutes(0, 0, 0);
  return d;
}

/** Months one renewal period covers: the surcharge is one seat's monthly price per month. */
export function monthsIn(interval: Interval): number {
  return interval === 'yearly' ? 12 : 1;
}

export interface Bucket {
  sessionId: string;
  hour: Date;
  network: string;
  device: string;
}

export interface Overlap {
  hour: Date;
  networks: string[];
  devices: string[];
}

/**
 * The hours in which the login was used by two sessions on different devices and different
 * networks (the reference of the set-based SQL in detection.ts; unit tests compare the two).
 */
export function overlappingHours(buckets: Bucket[]): Overlap[] {
  const byHour = new Map<number, Bucket[]>();
  for (const b of buckets) byHour.set(b.hour.getTime(), [...(byHour.get(b.hour.getTime()) ?? []), b]);
  const out: Overlap[] = [];
  for (const [hour, list] of [...byHour].sort((a, b) => a[0] - b[0])) {
    const pairs = list.flatMap((a) => list.filter((b) => a.sessionId < b.sessionId && a.network !== b.network && a.device !== b.device).map((b) => [a, b]));
    if (!pairs.length) continue;
    const involved = pairs.flat();
    out.push({ hour: new Date(hour), networks: [...new Set(involved.map((b) => b.network))].sort(), devices: [...new Set(involved.map((b) => b.device))].sort() });
  }
  return out;
}

// The one place that turns a value from the request (a `?next=`, a `return` field) into somewhere
// we redirect to. Browsers drop tabs and newlines and read `\` as `/` in URLs, so string checks on
// the raw value ("starts with / but not //") are not enough: `/\t/evil.example` passes them and
// lands on evil.example. Instead the value is resolved the way a browser would, against this
// site's origin, and only a result on that same origin is kept (as path + query + fragment).
import { appUrl } from './request';

/**
 * A same-site path (with its query and fragment) for `value`, or `fallback` when the value is
 * missing, not a string, or would leave this site (another host, `//host`, `javascript:`, …).
 */
export function safeRedirectPath(value: unknown, fallback: string): string;
export function safeRedirectPath(value: unknown, fallback?: null): string | null;
export function safeRedirectPath(value: unknown, fallback: string | null = null): string | null {
  if (typeof value !== 'string' || value === '' || value.length > 2000) return fallback;
  let origin: string;
  let resolved: URL;
  try {
    origin = new URL(appUrl()).origin;
    resolved = new URL(value, `${origin}/`);
  } catch {
    return fallback;
  }
  if (resolved.origin !== origin) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // Belt and braces: what we hand out must itself be a plain absolute path.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}

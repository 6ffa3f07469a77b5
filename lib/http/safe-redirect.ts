// The one place that turns a value from the request (a `?next=`, a `return` field) into somewhere
// we redirect to: resolved against this site's origin, kept only when it stays there (see
// sameOriginPath for why string checks on the raw value are not enough).
import { appUrl } from './request';
import { sameOriginPath } from './same-origin-path';

/**
 * A same-site path (with its query and fragment) for `value`, or `fallback` when the value is
 * missing, not a string, or would leave this site (another host, `//host`, `javascript:`, …).
 */
export function safeRedirectPath(value: unknown, fallback: string): string;
export function safeRedirectPath(value: unknown, fallback?: null): string | null;
export function safeRedirectPath(value: unknown, fallback: string | null = null): string | null {
  let origin: string;
  try {
    origin = new URL(appUrl()).origin;
  } catch {
    return fallback;
  }
  return sameOriginPath(value, origin, fallback);
}

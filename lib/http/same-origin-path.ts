// The pure core of safeRedirectPath (lib/http/safe-redirect.ts), without server imports, so that a
// client component can apply the same rule against `window.location.origin` before it navigates.
// Browsers drop tabs and newlines and read `\` as `/` in URLs, so string checks on the raw value
// ("starts with / but not //") are not enough: `/\t/evil.example` passes them and lands on
// evil.example. Instead the value is resolved the way a browser would, against `origin`, and only a
// result on that same origin is kept (as path + query + fragment).

/** A path (with query and fragment) on `origin` for `value`, or `fallback` when it would leave it. */
export function sameOriginPath<F extends string | null>(value: unknown, origin: string, fallback: F): string | F {
  if (typeof value !== 'string' || value === '' || value.length > 2000) return fallback;
  let base: string;
  let resolved: URL;
  try {
    base = new URL(origin).origin;
    resolved = new URL(value, `${base}/`);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // Belt and braces: what we hand out must itself be a plain absolute path.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}

// The per-request security headers, set by proxy.ts on every response: a Content-Security-Policy
// whose scripts must carry this request's nonce (Next.js stamps it on its own scripts when it finds
// the policy on the request), and Strict-Transport-Security when the site is served over https.
// The headers that never change per request (Referrer-Policy, nosniff, X-Frame-Options,
// Permissions-Policy) stay in next.config.js.
import { randomBytes } from 'node:crypto';

/** Two years, the HSTS preload list's minimum is one. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** A fresh, unguessable nonce (128 random bits, base64). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy for one response. In production `script-src` allows only scripts
 * carrying `nonce` (and, through 'strict-dynamic', the chunks those load): no 'unsafe-inline', no
 * 'unsafe-eval'. Development adds 'unsafe-eval', which React's dev tooling needs.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (React, the processor's hosted pages) are allowed; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The Strict-Transport-Security value when the public URL is https, else null (never on plain http). */
export function strictTransportSecurity(publicUrl: string): string | null {
  let protocol: string;
  try {
    protocol = new URL(publicUrl).protocol;
  } catch {
    return null;
  }
  return protocol === 'https:' ? `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` : null;
}

/** Every per-request security header for a response. */
export function securityHeaders(opts: { nonce: string; dev: boolean; publicUrl: string }): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Security-Policy': contentSecurityPolicy(opts.nonce, opts) };
  const hsts = strictTransportSecurity(opts.publicUrl);
  if (hsts) headers['Strict-Transport-Security'] = hsts;
  return headers;
}

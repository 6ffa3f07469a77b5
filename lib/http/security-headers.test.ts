import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, createNonce, HSTS_MAX_AGE_SECONDS, securityHeaders, strictTransportSecurity } from './security-headers';

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? '';

describe('security headers', () => {
  test("production script-src allows only this request's nonce: no 'unsafe-inline', no 'unsafe-eval'", () => {
    const csp = contentSecurityPolicy('abc123==', { dev: false });
    const scriptSrc = directive(csp, 'script-src');
    expect(scriptSrc).toContain("'nonce-abc123=='");
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });

  test("development adds only 'unsafe-eval' (React's dev tooling), never 'unsafe-inline' for scripts", () => {
    const scriptSrc = directive(contentSecurityPolicy('n', { dev: true }), 'script-src');
    expect(scriptSrc).toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
  });

  test('the policy keeps framing, plugins, base and form targets locked down', () => {
    const csp = contentSecurityPolicy('n', { dev: false });
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'self'");
    expect(directive(csp, 'form-action')).toBe("form-action 'self'");
    expect(directive(csp, 'default-src')).toBe("default-src 'self'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
  });

  test('nonces are fresh, unguessable base64 values', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  test('Strict-Transport-Security only when the public URL is https', () => {
    expect(strictTransportSecurity('https://accounts.example.com')).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
    expect(HSTS_MAX_AGE_SECONDS).toBeGreaterThanOrEqual(31_536_000);
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
    expect(strictTransportSecurity('http://127.0.0.1:3100')).toBeNull();
    expect(strictTransportSecurity('not a url')).toBeNull();
    expect(securityHeaders({ nonce: 'n', dev: false, publicUrl: 'https://accounts.example.com' })['Strict-Transport-Security']).toContain('max-age=');
    expect(securityHeaders({ nonce: 'n', dev: false, publicUrl: 'http://localhost:3000' })).not.toHaveProperty('Strict-Transport-Security');
  });

  test('securityHeaders puts the nonce in the CSP', () => {
    const h = securityHeaders({ nonce: 'xyz', dev: false, publicUrl: 'http://localhost:3000' });
    expect(h['Content-Security-Policy']).toContain("'nonce-xyz'");
  });
});

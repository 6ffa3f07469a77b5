import { describe, expect, test } from 'vitest';
import { bearerToken, secretsEqual } from './secrets-equal';

describe('secretsEqual', () => {
  const secret = 'the-right-secret-0123456789';

  test('the exact configured secret matches', () => {
    expect(secretsEqual(secret, secret)).toBe(true);
    expect(secretsEqual('pässwörd-€', 'pässwörd-€')).toBe(true);
  });

  test('a wrong value of any length is refused', () => {
    expect(secretsEqual('wrong', secret)).toBe(false);
    expect(secretsEqual(secret.slice(0, -1) + 'X', secret)).toBe(false);
    expect(secretsEqual(secret + 'x', secret)).toBe(false);
    expect(secretsEqual(secret.slice(1), secret)).toBe(false);
    expect(secretsEqual(secret.repeat(40), secret)).toBe(false);
  });

  test('a multi-byte value with as many characters as the secret is refused, never thrown', () => {
    // Same character count, more UTF-8 bytes: the old Buffer comparison threw on this.
    const multiByte = 'é'.repeat(secret.length);
    expect(multiByte.length).toBe(secret.length);
    expect(() => secretsEqual(multiByte, secret)).not.toThrow();
    expect(secretsEqual(multiByte, secret)).toBe(false);
    expect(secretsEqual('🔑'.repeat(13) + 'x', secret)).toBe(false);
  });

  test('empty or missing values never match, not even each other', () => {
    expect(secretsEqual('', secret)).toBe(false);
    expect(secretsEqual(null, secret)).toBe(false);
    expect(secretsEqual(undefined, secret)).toBe(false);
    expect(secretsEqual('', '')).toBe(false);
    expect(secretsEqual('', undefined)).toBe(false);
    expect(secretsEqual('anything', undefined)).toBe(false);
    expect(secretsEqual(null, null)).toBe(false);
  });

  test('bearerToken reads the Authorization header', () => {
    const req = (auth?: string) => new Request('http://localhost/', { headers: auth ? { authorization: auth } : {} });
    expect(bearerToken(req('Bearer abc'))).toBe('abc');
    expect(bearerToken(req('bearer  abc'))).toBe('abc');
    expect(bearerToken(req())).toBe('');
  });
});

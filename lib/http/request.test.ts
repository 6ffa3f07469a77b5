import { describe, expect, test } from 'vitest';
import { clientIp, PEER_HEADER, resolveClientIp, trustedProxyCount } from './request';

describe('the client address', () => {
  test('without TRUST_PROXY the TCP peer is the client, whatever X-Forwarded-For says', () => {
    expect(resolveClientIp('203.0.113.7', '1.2.3.4', 0)).toBe('203.0.113.7');
    expect(resolveClientIp('203.0.113.7', '1.2.3.4, 5.6.7.8', 0)).toBe('203.0.113.7');
    expect(resolveClientIp('203.0.113.7', null, 0)).toBe('203.0.113.7');
  });

  test('with TRUST_PROXY=1 the right-most X-Forwarded-For entry is the client', () => {
    expect(resolveClientIp('10.0.0.2', '1.2.3.4', 1)).toBe('1.2.3.4');
    // The client wrote 6.6.6.6 itself; our proxy appended the address it really saw.
    expect(resolveClientIp('10.0.0.2', '6.6.6.6, 198.51.100.9', 1)).toBe('198.51.100.9');
  });

  test('with TRUST_PROXY=N the N-th entry from the right is the client', () => {
    expect(resolveClientIp('10.0.0.2', '6.6.6.6, 198.51.100.9, 10.0.0.1', 2)).toBe('198.51.100.9');
    // Fewer entries than proxies (a proxy was bypassed): the left-most one a proxy wrote.
    expect(resolveClientIp('10.0.0.2', '198.51.100.9', 3)).toBe('198.51.100.9');
  });

  test('a trusted proxy that sent no address, or garbage, leaves the peer', () => {
    expect(resolveClientIp('10.0.0.2', null, 1)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', ' , ', 1)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', 'not-an-ip', 1)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', '<script>', 1)).toBe('10.0.0.2');
  });

  test('IPv6 and IPv4-mapped peers', () => {
    expect(resolveClientIp('::ffff:192.0.2.1', null, 0)).toBe('192.0.2.1');
    expect(resolveClientIp('2001:db8::1', null, 0)).toBe('2001:db8::1');
    expect(resolveClientIp('::1', '2001:db8::5', 1)).toBe('2001:db8::5');
  });

  test('no peer header (not started through scripts/server.mjs) is "unknown", never a client value', () => {
    expect(resolveClientIp(null, '1.2.3.4', 0)).toBe('unknown');
  });

  test('TRUST_PROXY is a count of proxies; anything else trusts none', () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount('')).toBe(0);
    expect(trustedProxyCount('0')).toBe(0);
    expect(trustedProxyCount('1')).toBe(1);
    expect(trustedProxyCount(' 2 ')).toBe(2);
    expect(trustedProxyCount('true')).toBe(0);
    expect(trustedProxyCount('-1')).toBe(0);
  });

  test('clientIp reads the peer header and X-Forwarded-For according to TRUST_PROXY', () => {
    const before = process.env.TRUST_PROXY;
    try {
      const h = new Headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': '9.9.9.9' });
      delete process.env.TRUST_PROXY;
      expect(clientIp(h)).toBe('127.0.0.1');
      process.env.TRUST_PROXY = '1';
      expect(clientIp(h)).toBe('9.9.9.9');
    } finally {
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
    }
  });
});

import { describe, expect, test } from 'vitest';
import { deviceOf, hourOf, monthsIn, networkOf, overlappingHours, sharingThresholds } from './rules';

const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:140.0) Gecko/20100101 Firefox/140.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

describe('ACC-8 login-sharing signals', () => {
  test('ACC-8 the network is the /24 of an IPv4 address and the /48 of an IPv6 address', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('203.0.113.5')).toBe(networkOf('203.0.113.200'));
    expect(networkOf('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(networkOf('2001:db8:abcd:ffff::9')).toBe(networkOf('2001:db8:abcd:1::2'));
    expect(networkOf('not an address')).toBe('unknown');
    expect(networkOf(null)).toBe('unknown');
  });

  test('ACC-8 the device is the browser and system family, not the version', () => {
    expect(deviceOf(CHROME_WIN)).toBe('Chrome on Windows');
    expect(deviceOf(FIREFOX_MAC)).toBe('Firefox on Mac OS');
    expect(deviceOf(SAFARI_IPHONE)).toBe('Mobile Safari on iOS (mobile)');
    expect(deviceOf(CHROME_WIN.replace('140.0.0.0', '141.0.0.0'))).toBe(deviceOf(CHROME_WIN));
    expect(deviceOf('')).toBe('unknown');
  });

  test('ACC-8 thresholds are configurable, with defaults of 3 days within 14', () => {
    expect(sharingThresholds({})).toEqual({ minDays: 3, windowDays: 14 });
    expect(sharingThresholds({ LOGIN_SHARING_MIN_DAYS: '5', LOGIN_SHARING_WINDOW_DAYS: '30' })).toEqual({ minDays: 5, windowDays: 30 });
    // The window holds at least the days it must count; nonsense falls back to the defaults.
    expect(sharingThresholds({ LOGIN_SHARING_MIN_DAYS: '10', LOGIN_SHARING_WINDOW_DAYS: '4' })).toEqual({ minDays: 10, windowDays: 10 });
    expect(sharingThresholds({ LOGIN_SHARING_MIN_DAYS: 'many', LOGIN_SHARING_WINDOW_DAYS: '-3' })).toEqual({ minDays: 3, windowDays: 14 });
  });

  test('ACC-8 activity is bucketed per hour, and the surcharge counts the months of the period', () => {
    expect(hourOf(new Date('2026-12-01T10:59:59.999Z')).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(monthsIn('monthly')).toBe(1);
    expect(monthsIn('yearly')).toBe(12);
  });

  test('ACC-8 an hour overlaps only with two sessions on different devices AND different networks', () => {
    const h = new Date('2026-12-01T10:00:00Z');
    const b = (sessionId: string, network: string, device: string, hour = h) => ({ sessionId, hour, network, device });
    expect(overlappingHours([b('a', 'n1', 'd1'), b('b', 'n1', 'd2')])).toEqual([]); // same network (laptop and phone at home)
    expect(overlappingHours([b('a', 'n1', 'd1'), b('b', 'n2', 'd1')])).toEqual([]); // same device family
    expect(overlappingHours([b('a', 'n1', 'd1'), b('b', 'n2', 'd2', new Date('2026-12-01T11:00:00Z'))])).toEqual([]); // different hours
    expect(overlappingHours([b('a', 'n1', 'd1'), b('b', 'n2', 'd2'), b('c', 'n1', 'd1')])).toEqual([{ hour: h, networks: ['n1', 'n2'], devices: ['d1', 'd2'] }]);
  });
});

// Turns a user agent string into plain words in the reader's language, e.g. "Firefox on Windows".
// Browser and system names are names: only the words around them are translated.
import type { KeyTranslator } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';

export function describeDevice(userAgent: string | null | undefined, t: KeyTranslator = translatorFor('en')): string {
  const ua = userAgent ?? '';
  if (!ua.trim()) return t('account.device.unknown');
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : /curl|node|python|Playwright/i.test(ua)
              ? t('account.device.scriptOrTool')
              : t('account.device.browser');
  const os = /iPhone|iPad|iPod/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  return os ? t('account.device.on', { browser, os }) : browser;
}

// The request's language where code may also run outside a request (services called from jobs or
// unit tests): there is no cookie or header to read, so English.
import { DEFAULT_LOCALE, type Locale } from './config';

export async function localeOfRequestOrDefault(): Promise<Locale> {
  try {
    const { requestLocale } = await import('./server');
    return await requestLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}

// ACC-1: the account's unique address `<slug>.<base domain>`. Pure rules: no database, no clock.
// Uniqueness (case-insensitive, against every account ever created, stopped ones included) is
// checked by the signup service against the database.
import { msg } from '@/lib/i18n/message-ref';

export const SLUG_MIN = 3;
export const SLUG_MAX = 40;

/** Words that would collide with our own hosts, products or support addresses. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www', 'admin', 'administrator', 'api', 'staff', 'mail', 'email', 'app', 'apps', 'support', 'billing',
  'help', 'status', 'login', 'logout', 'signin', 'signup', 'register', 'account', 'accounts',
  'accountdesk', 'static', 'assets', 'cdn', 'root', 'ftp', 'sftp', 'smtp', 'imap', 'pop', 'pop3',
  'blog', 'docs', 'dev', 'test', 'staging', 'demo', 'dashboard', 'portal', 'security', 'privacy',
  'terms', 'legal', 'pricing', 'payments', 'pay', 'invoice', 'invoices', 'abuse', 'postmaster',
  'hostmaster', 'webmaster', 'noreply', 'no-reply', 'info', 'ns', 'ns1', 'ns2', 'dns', 'mx', 'vpn',
  'auth', 'oauth', 'sso', 'id', 'files', 'media', 'images', 'img', 'internal', 'system', 'jobs',
  'appsumo', 'deals', 'gdpr', 'localhost',
]);

export { accountAddress, accountBaseDomain as baseDomain } from './address';

// Letters that Unicode normalisation does not split into base letter + accent.
const SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', '&': ' and ',
};

/** Proposes a slug from a company name ("Café Žilina s.r.o." → "cafe-zilina-sro"); '' when nothing usable is left. */
export function proposeSlug(companyName: string): string {
  let s = companyName.toLowerCase();
  s = s.replace(/[ßæœøđðłþıħŧ&]/g, (c) => SPECIAL[c] ?? '');
  s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  s = s.replace(/['’.]/g, ''); // "s.r.o." → "sro", "O'Neil" → "oneil"
  s = s.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!s) return '';
  s = s.slice(0, SLUG_MAX).replace(/-+$/g, '');
  if (s.length < SLUG_MIN || RESERVED_SLUGS.has(s)) s = `${s}-hq`;
  return s;
}

/** Normalises what the person typed: trimmed and lower-cased. */
export function normaliseSlug(input: string): string {
  return input.trim().toLowerCase();
}

/** null when the (normalised) slug is acceptable, else a message (a catalogue reference) to show next to the field. */
export function validateSlug(slug: string): string | null {
  if (slug.length < SLUG_MIN) return msg('auth.validation.slugTooShort', { min: SLUG_MIN });
  if (slug.length > SLUG_MAX) return msg('auth.validation.slugTooLong', { max: SLUG_MAX });
  if (!/^[a-z0-9-]+$/.test(slug)) return msg('auth.validation.slugCharacters');
  if (slug.startsWith('-') || slug.endsWith('-')) return msg('auth.validation.slugDashAtEdge');
  if (RESERVED_SLUGS.has(slug)) return msg('auth.validation.slugReserved', { slug });
  return null;
}

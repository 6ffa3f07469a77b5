// Kept as the one import path the pages already use; the formatting itself lives in lib/i18n.
export { formatDate, formatDateTime, formatMoney, formattersFor, type Formatters } from '@/lib/i18n/format';

// How the UI shows dates and money: `25 Nov 2026` in Bratislava time, `€39.00`.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { TIME_ZONE } from '@/lib/clock';

export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return '—';
  return format(new TZDate(new Date(d).getTime(), TIME_ZONE), 'd MMM yyyy');
}

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return '—';
  return format(new TZDate(new Date(d).getTime(), TIME_ZONE), 'd MMM yyyy, HH:mm');
}

export function formatMoney(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}€${euros}.${String(abs % 100).padStart(2, '0')}`;
}

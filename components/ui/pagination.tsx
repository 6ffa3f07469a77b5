// "Previous" / "Next" links under a paged list. Plain links: they work without JavaScript and keep
// the current filters in the URL, so a filtered page can be shared or bookmarked.
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';

export interface PaginationProps {
  /** The list's path, e.g. /staff/accounts. */
  path: string;
  /** The current filters; empty ones are left out of the links. */
  params: Record<string, string | undefined>;
  page: number;
  hasNext: boolean;
}

/** The link to `page` of a list at `path` with `params` (page 1 has no page parameter). */
export function pageHref(path: string, params: Record<string, string | undefined>, page: number): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) sp.set(k, v);
  if (page > 1) sp.set('page', String(page));
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}

export function Pagination({ path, params, page, hasNext }: PaginationProps) {
  const t = useTranslations('common.pagination');
  if (page <= 1 && !hasNext) return null;
  const linkClass =
    'rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 no-underline hover:bg-slate-50 hover:no-underline';
  return (
    <nav aria-label={t('label')} className="mt-4 flex items-center justify-between gap-3 text-sm">
      <div>
        {page > 1 && (
          <Link href={pageHref(path, params, page - 1)} className={linkClass}>
            {t('previous')}
          </Link>
        )}
      </div>
      <span className="text-slate-600">{t('page', { page })}</span>
      <div>
        {hasNext && (
          <Link href={pageHref(path, params, page + 1)} className={linkClass}>
            {t('next')}
          </Link>
        )}
      </div>
    </nav>
  );
}

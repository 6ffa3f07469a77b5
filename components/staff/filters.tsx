// GET search forms for the staff lists (their paging links come with DataTable). Plain HTML forms:
// they work without JavaScript and every filter ends up in the URL, so a filtered list can be
// shared or bookmarked.
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { inputClass } from '@/components/ui/styles';

export interface TextFilter {
  name: string;
  label: string;
  value?: string;
  placeholder?: string;
}

export interface SelectFilter {
  name: string;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
}

/** A search form: text filters, then one `select` and/or several `selects`, each with an "All" choice. */
export async function FilterForm({
  action,
  texts = [],
  select,
  selects = [],
}: {
  action: string;
  texts?: TextFilter[];
  select?: SelectFilter;
  selects?: SelectFilter[];
}) {
  const t = await getTranslations('staff.filters');
  return (
    <form
      method="get"
      action={action}
      role="search"
      className="mb-4 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:flex-wrap sm:items-end"
    >
      {texts.map((t) => (
        <div key={t.name} className="min-w-0 flex-1 space-y-1">
          <label htmlFor={`filter-${t.name}`} className="block text-sm font-medium text-slate-700">
            {t.label}
          </label>
          <input
            id={`filter-${t.name}`}
            name={t.name}
            type="search"
            defaultValue={t.value ?? ''}
            placeholder={t.placeholder}
            maxLength={200}
            className={inputClass}
          />
        </div>
      ))}
      {[...(select ? [select] : []), ...selects].map((sel) => (
        <div key={sel.name} className="space-y-1 sm:w-52">
          <label htmlFor={`filter-${sel.name}`} className="block text-sm font-medium text-slate-700">
            {sel.label}
          </label>
          <select id={`filter-${sel.name}`} name={sel.name} defaultValue={sel.value ?? ''} className={inputClass}>
            <option value="">{t('all')}</option>
            {sel.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="flex gap-2">
        <button
          type="submit"
          className="inline-flex w-full items-center justify-center rounded-md bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-800 sm:w-auto"
        >
          {t('search')}
        </button>
        <Link
          href={action}
          className="inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2.5 text-sm font-medium text-slate-700 no-underline hover:bg-slate-50 hover:no-underline sm:w-auto"
        >
          {t('clear')}
        </Link>
      </div>
    </form>
  );
}

/** One value from searchParams, trimmed and bounded. */
export function param(v: string | string[] | undefined): string | undefined {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, 200) : undefined;
}

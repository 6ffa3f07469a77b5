// The one table for every list: caption (read out by screen readers, or shown), column headers
// with scope="col", one row per item, per-column alignment (numbers and money to the right), an
// empty state instead of a header-only table, optional "Previous / Next" pagination, and
// horizontal scrolling on narrow screens instead of breaking the layout. A server component.
import { EmptyState } from './page';
import { Pagination, type PaginationProps } from './pagination';

export interface Column<T> {
  /** The column header's text: tests and screen readers find columns by it. */
  header: string;
  cell: (row: T) => React.ReactNode;
  /** `right` for amounts, quantities and counts (tabular figures). Default `left`. */
  align?: 'left' | 'right';
  /** Extra classes for this column's cells, e.g. `whitespace-nowrap` or `min-w-48`. */
  className?: string;
}

/** A column list may hold `false`/`null` for a column that only some views show. */
export type Columns<T> = readonly (Column<T> | false | null | undefined)[];

export interface DataTableProps<T> {
  /** Names the table (its accessible name). Screen-reader only unless `captionVisible`. */
  caption: string;
  captionVisible?: boolean;
  columns: Columns<T>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows. */
  empty: React.ReactNode;
  /** Paging links under the table (kept with the current filters). */
  pagination?: PaginationProps;
}

const ALIGN = { left: 'text-left', right: 'text-right tabular-nums' } as const;

export function DataTable<T>({ caption, captionVisible = false, columns, rows, rowKey, empty, pagination }: DataTableProps<T>) {
  const cols = columns.filter((c): c is Column<T> => !!c);
  return (
    <>
      {rows.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className={captionVisible ? 'px-4 pt-3 pb-1 text-left text-sm font-medium text-slate-700' : 'sr-only'}>{caption}</caption>
            <thead className="bg-slate-50">
              <tr>
                {cols.map((c) => (
                  <th key={c.header} scope="col" className={`px-4 py-2.5 font-medium text-slate-600 ${ALIGN[c.align ?? 'left']}`}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className="border-t border-slate-100">
                  {cols.map((c) => (
                    <td key={c.header} className={`px-4 py-2.5 ${ALIGN[c.align ?? 'left']} ${c.className ?? ''}`}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pagination && <Pagination {...pagination} />}
    </>
  );
}

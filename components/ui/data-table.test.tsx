import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { renderWithIntl } from '@/lib/test-utils/intl';
import { describe, expect, test } from 'vitest';
import { AuditTable } from '@/components/audit-table';
import type { AuditRow } from '@/lib/staff/queries';
import { DataTable } from './data-table';
import { pageHref } from './pagination';

interface Item {
  id: string;
  name: string;
  cents: number;
}
const items: Item[] = [
  { id: 'a', name: 'Alpha', cents: 3900 },
  { id: 'b', name: 'Beta', cents: 123456 },
];
const columns = [
  { header: 'Name', cell: (r: Item) => r.name },
  { header: 'Total', align: 'right' as const, cell: (r: Item) => `€${(r.cents / 100).toFixed(2)}` },
];
/** The elements of `html` matching `selector`, as tag + attributes + text, without a DOM library. */
const tags = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>(.*?)</${tag}>`, 'gs'))].map((m) => ({ attrs: m[1], text: m[2].replace(/<[^>]+>/g, '') }));

describe('DataTable', () => {
  test('a list has a caption, column headers with scope="col", one row per item and right-aligned money', () => {
    const html = renderWithIntl(<DataTable caption="Things" columns={columns} rows={items} rowKey={(r) => r.id} empty="Nothing here." />);
    expect(tags(html, 'caption')).toEqual([{ attrs: ' class="sr-only"', text: 'Things' }]);
    const headers = tags(html, 'th');
    expect(headers.map((h) => h.text)).toEqual(['Name', 'Total']);
    expect(headers.every((h) => h.attrs.includes('scope="col"'))).toBe(true);
    expect(headers[1].attrs).toMatch(/text-right/);
    expect(tags(html, 'tr')).toHaveLength(3); // the header row and one per item, nothing else
    const cells = tags(html, 'td');
    expect(cells.map((c) => c.text)).toEqual(['Alpha', '€39.00', 'Beta', '€1234.56']);
    expect(cells[1].attrs).toMatch(/text-right tabular-nums/);
    expect(cells[0].attrs).toMatch(/text-left/);
    // Scrolls sideways on narrow screens instead of widening the page.
    expect(html).toMatch(/^<div class="overflow-x-auto/);
    expect(html).not.toContain('aria-label="Pages"');
  });

  test('a caption can be shown, and columns a view does not have are left out', () => {
    const html = renderWithIntl(
      <DataTable caption="Shown" captionVisible columns={[columns[0], false, null]} rows={items} rowKey={(r) => r.id} empty="Nothing here." />,
    );
    expect(tags(html, 'caption')[0].attrs).not.toContain('sr-only');
    expect(tags(html, 'th').map((h) => h.text)).toEqual(['Name']);
  });

  test('an empty list shows its message instead of a header-only table', () => {
    const html = renderWithIntl(<DataTable caption="Things" columns={columns} rows={[]} rowKey={(r) => r.id} empty="Nothing here." />);
    expect(html).not.toContain('<table');
    expect(html).toContain('Nothing here.');
  });

  test('pagination links keep the filters, drop empty ones and page 1, and appear only when there is another page', () => {
    expect(pageHref('/staff/accounts', { q: 'acme', status: undefined }, 1)).toBe('/staff/accounts?q=acme');
    expect(pageHref('/staff/accounts', { q: 'a&b', status: 'active' }, 3)).toBe('/staff/accounts?q=a%26b&status=active&page=3');
    const paged = (page: number, hasNext: boolean) =>
      renderWithIntl(
        <DataTable caption="Things" columns={columns} rows={items} rowKey={(r) => r.id} empty="-" pagination={{ path: '/x', params: { q: 'acme' }, page, hasNext }} />,
      );
    const links = (html: string) => tags(html, 'a').map((a) => [a.text, a.attrs.match(/href="([^"]*)"/)![1].replace(/&amp;/g, '&')]);
    expect(links(paged(1, true))).toEqual([['Next', '/x?q=acme&page=2']]);
    expect(links(paged(2, true))).toEqual([
      ['Previous', '/x?q=acme'],
      ['Next', '/x?q=acme&page=3'],
    ]);
    expect(paged(1, false)).not.toContain('aria-label="Pages"');
  });

  test('every table in app/ and components/ is this component: no other file writes <table> markup', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(p);
      }
    };
    walk(path.join(root, 'app'));
    walk(path.join(root, 'components'));
    const withTable = files.filter((f) => /<(table|thead|tbody|tr|th|td)\b/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(root, f));
    expect(withTable).toEqual([path.join('components', 'ui', 'data-table.tsx')]);
  });
});

describe('AuditTable', () => {
  const at = new Date('2026-11-25T09:30:00Z');
  test('OPS-2 the owner reads Time, Who, What (with the reason staff gave) and From IP', () => {
    const html = renderWithIntl(
      <AuditTable
        view="owner"
        caption="Audit log of your account"
        empty="Nothing yet."
        rows={[{ id: 1, at, who: 'Jana Staff (staff)', action: 'staff.account_accessed', actionLabel: 'Support opened your account', note: 'Ticket 42', ip: '203.0.113.9' }]}
      />,
    );
    expect(tags(html, 'th').map((h) => h.text)).toEqual(['Time', 'Who', 'What', 'From IP']);
    expect(tags(html, 'td').map((c) => c.text)).toEqual([expect.stringContaining('2026'), 'Jana Staff (staff)', 'Support opened your accountReason: Ticket 42', '203.0.113.9']);
  });

  test('OPS-2 staff read Actor, Action, Target, Account and IP; an account page leaves out the Account column', () => {
    const row = {
      id: 7,
      at,
      action: 'account.signed_up',
      target: 'account:acme',
      details: null,
      ip: '198.51.100.4',
      actorType: 'owner',
      actorId: 'u1',
      actorName: 'Eva Owner',
      actorDeletedAt: null,
      accountId: 'acc-1',
      accountSlug: 'acme',
    } as unknown as AuditRow;
    const all = renderWithIntl(<AuditTable view="staff" caption="Audit log" empty="None." rows={[row]} />);
    expect(tags(all, 'th').map((h) => h.text)).toEqual(['Time', 'Actor', 'Action', 'Target', 'Account', 'IP']);
    expect(all).toContain('href="/staff/accounts/acc-1"');
    const own = renderWithIntl(<AuditTable view="staff" showAccount={false} caption="Account audit log" empty="None." rows={[row]} />);
    expect(tags(own, 'th').map((h) => h.text)).toEqual(['Time', 'Actor', 'Action', 'Target', 'IP']);
    expect(tags(own, 'td').map((c) => c.text).slice(1)).toEqual(['Eva Owner', 'account.signed_up', 'account:acme', '198.51.100.4']);
  });
});

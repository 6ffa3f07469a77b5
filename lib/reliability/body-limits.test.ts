// Hostile input (issue 13): oversized bodies are refused early. Route handlers read bodies through
// lib/http/limited-body.ts (refused by the declared length unread, or as soon as the bytes read
// pass the limit); the hosted payment pages refuse a form over 16 KB; server actions are capped by
// next.config's serverActions.bodySizeLimit, just above the largest codes file. (The usage API's
// 413 above 4 KB: lib/usage/service.test.ts; the codes file: csv-import.test.ts.)
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_HOSTED_FORM_BYTES, readHostedRequest } from '@/lib/billing/sandbox-pages';
import { MAX_CSV_BYTES } from '@/lib/deals/schemas';
import { readBodyLimited, readFormLimited, readTextLimited } from '@/lib/http/limited-body';

/** A body of `chunks` chunks of `size` bytes that counts how many were pulled. */
function countedStream(chunks: number, size: number) {
  const pulled = { n: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.n >= chunks) return controller.close();
      pulled.n++;
      controller.enqueue(new Uint8Array(size).fill(65));
    },
  }, { highWaterMark: 0 }); // nothing is pulled until someone reads
  return { stream, pulled };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://app.test/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('reading a body with a limit', () => {
  test('a body whose declared length is over the limit is refused without reading a byte', async () => {
    const { stream, pulled } = countedStream(100, 1024);
    expect(await readBodyLimited(post(stream, { 'content-length': String(100 * 1024) }), 4096)).toBeNull();
    expect(pulled.n).toBe(0);
  });

  test('a chunked body (no length) is refused as soon as it passes the limit, the rest unread', async () => {
    const { stream, pulled } = countedStream(10_000, 1024); // 10 MB on offer
    expect(await readBodyLimited(post(stream), 4096)).toBeNull();
    expect(pulled.n).toBeLessThanOrEqual(8); // 5 chunks pass the limit; the stream may read a little ahead
  });

  test('a body within the limit is read whole, as bytes, text or form', async () => {
    expect(await readTextLimited(post('{"a":"ü"}'), 4096)).toBe('{"a":"ü"}');
    expect((await readBodyLimited(post('x'.repeat(4096)), 4096))?.byteLength).toBe(4096);
    const form = await readFormLimited(post('a=1&b=%3Cb%3E', { 'content-type': 'application/x-www-form-urlencoded' }), 4096);
    expect(form instanceof FormData && [form.get('a'), form.get('b')]).toEqual(['1', '<b>']);
    expect(await readFormLimited(post('not a form', { 'content-type': 'multipart/form-data; boundary=zz' }), 4096)).toBe('invalid');
  });
});

describe('the hosted payment pages', () => {
  const form = (padding: number) => post(`return=%2Faccount%2Fbilling&reference=r-1&padding=${'A'.repeat(padding)}`, { 'content-type': 'application/x-www-form-urlencoded' });

  test(`a posted form over ${MAX_HOSTED_FORM_BYTES / 1024} KB is refused; a normal one is read`, async () => {
    expect(await readHostedRequest(form(MAX_HOSTED_FORM_BYTES))).toBe('too_large');
    const ok = await readHostedRequest(form(100));
    expect(ok !== 'too_large' && ok?.reference).toBe('r-1');
  });
});

describe('server actions', () => {
  test('next.config caps action bodies just above the largest codes file (not Next’s 1 MB, not unlimited)', () => {
    const require = createRequire(import.meta.url);
    const root = path.resolve(import.meta.dirname, '../..');
    const config = require(path.join(root, 'next.config.js')) as { experimental?: { serverActions?: { bodySizeLimit?: string } } };
    const bytes = require('next/dist/compiled/bytes') as { parse: (v: string) => number };
    const limit = bytes.parse(config.experimental?.serverActions?.bodySizeLimit ?? '1mb');
    expect(limit).toBeGreaterThanOrEqual(MAX_CSV_BYTES + 64 * 1024); // the file plus the form around it
    expect(limit).toBeLessThanOrEqual(16 * 1024 * 1024);
  });
});

// Reading a request body no bigger than a route expects: refused by its declared length before a
// byte is read, or as soon as the bytes read pass the limit (a chunked body declares none).

/** The body's bytes, or null when it is larger than `max` bytes (reading stops there). */
export async function readBodyLimited(req: Request, max: number): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > max) return null;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text, or null when it is larger than `max` bytes. */
export async function readTextLimited(req: Request, max: number): Promise<string | null> {
  const bytes = await readBodyLimited(req, max);
  return bytes === null ? null : Buffer.from(bytes).toString('utf8');
}

/** The body as form data (URL-encoded or multipart), null when larger than `max` bytes, 'invalid' when unreadable. */
export async function readFormLimited(req: Request, max: number): Promise<FormData | null | 'invalid'> {
  const bytes = await readBodyLimited(req, max);
  if (bytes === null) return null;
  const headers = new Headers();
  const type = req.headers.get('content-type');
  if (type) headers.set('content-type', type);
  return new Request('http://body.invalid/', { method: 'POST', headers, body: new Blob([bytes as Uint8Array<ArrayBuffer>]) }).formData().catch(() => 'invalid' as const);
}

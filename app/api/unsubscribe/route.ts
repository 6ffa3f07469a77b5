// GDPR-10, RFC 8058: the one-click unsubscribe a mail client posts to (List-Unsubscribe-Post:
// List-Unsubscribe=One-Click). Takes effect at once and answers without a page; idempotent.
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { appUrl, requestMeta } from '@/lib/http/request';
import { unsubscribeAddress } from '@/lib/privacy/marketing';
import { verifyUnsubscribeToken } from '@/lib/privacy/unsubscribe-token';

export const dynamic = 'force-dynamic';

export async function POST(req: Request) {
  const named = verifyUnsubscribeToken(new URL(req.url).searchParams.get('token'));
  if (!named) return new NextResponse('Invalid unsubscribe link.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const meta = await requestMeta();
  await unsubscribeAddress(await getDb(), named.email, { channel: 'one_click', ip: meta.ip }, now());
  return new NextResponse('Unsubscribed.', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** A person who opens the header's link in a browser gets the page, which also takes effect at once. */
export async function GET(req: Request) {
  const token = new URL(req.url).searchParams.get('token') ?? '';
  const url = new URL(`${appUrl()}/unsubscribe`);
  if (token) url.searchParams.set('token', token);
  return NextResponse.redirect(url, 303);
}

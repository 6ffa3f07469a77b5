import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { emailHtml, listOutbox } from '@/lib/email/outbox';
import { notFoundUnlessTestHooks } from '@/lib/http/test-hooks';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const blocked = notFoundUnlessTestHooks();
  if (blocked) return blocked;
  const to = new URL(req.url).searchParams.get('to') ?? undefined;
  const rows = await listOutbox(await getDb(), { to, limit: 500 });
  return NextResponse.json(
    rows.map((r) => ({ to: r.to, subject: r.subject, text: r.text, html: emailHtml(r), kind: r.kind, headers: r.headers ?? {}, status: r.status, createdAt: r.createdAt })),
  );
}

import { NextResponse } from 'next/server';
import { z } from 'zod';
import { now, setClock } from '@/lib/clock';
import { notFoundUnlessTestHooks } from '@/lib/http/test-hooks';

export const dynamic = 'force-dynamic';
const body = z.object({ now: z.iso.datetime({ offset: true }).nullable() });

export async function POST(req: Request) {
  const blocked = notFoundUnlessTestHooks();
  if (blocked) return blocked;
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: 'Send { "now": ISO string | null }' }, { status: 400 });
  setClock(parsed.data.now ? new Date(parsed.data.now) : null);
  return NextResponse.json({ now: now().toISOString() });
}

export async function GET() {
  return notFoundUnlessTestHooks() ?? NextResponse.json({ now: now().toISOString() });
}

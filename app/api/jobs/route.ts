import { timingSafeEqual } from 'node:crypto';
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { runSweeps } from '@/lib/jobs';

export const dynamic = 'force-dynamic';

/** Runs every sweep once; for an external scheduler. Needs `Authorization: Bearer $JOBS_SECRET`. */
export async function POST(req: Request) {
  const secret = process.env.JOBS_SECRET;
  const given = (req.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
  const ok = !!secret && given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret));
  if (!ok) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  return NextResponse.json(await runSweeps(await getDb()));
}

import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { bearerToken, secretsEqual } from '@/lib/http/secrets-equal';
import { runSweeps } from '@/lib/jobs';

export const dynamic = 'force-dynamic';

/** Runs every sweep once; for an external scheduler. Needs `Authorization: Bearer $JOBS_SECRET`. */
export async function POST(req: Request) {
  if (!secretsEqual(bearerToken(req), process.env.JOBS_SECRET)) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  return NextResponse.json(await runSweeps(await getDb()));
}

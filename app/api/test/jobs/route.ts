import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { runSweeps } from '@/lib/jobs';
import { notFoundUnlessTestHooks } from '@/lib/http/test-hooks';

export const dynamic = 'force-dynamic';

export async function POST() {
  const blocked = notFoundUnlessTestHooks();
  if (blocked) return blocked;
  return NextResponse.json(await runSweeps(await getDb()));
}

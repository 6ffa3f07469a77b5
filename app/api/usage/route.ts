// PLAN-6: the usage API (see lib/usage/api.ts).
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { handleUsageReport } from '@/lib/usage/api';

export const dynamic = 'force-dynamic';

export async function POST(req: Request) {
  return handleUsageReport(await getDb(), req, now());
}

import { NextResponse } from 'next/server';
import { z } from 'zod';
import { injectSandboxFault } from '@/lib/billing/sandbox-processor';
import { notFoundUnlessTestHooks } from '@/lib/http/test-hooks';

export const dynamic = 'force-dynamic';
const body = z.object({ fault: z.enum(['timeout', 'fail']).nullable() });

/** Test mode: the sandbox's next charge times out (after charging) or fails (before charging). */
export async function POST(req: Request) {
  const blocked = notFoundUnlessTestHooks();
  if (blocked) return blocked;
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: 'Send { "fault": "timeout" | "fail" | null }' }, { status: 400 });
  injectSandboxFault(parsed.data.fault);
  return NextResponse.json({ fault: parsed.data.fault });
}

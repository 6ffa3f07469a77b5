import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createTestMember } from '@/lib/accounts/test-members';
import { now } from '@/lib/clock';
import { notFoundUnlessTestHooks } from '@/lib/http/test-hooks';

export const dynamic = 'force-dynamic';
const body = z.object({
  ownerEmail: z.email(),
  email: z.email(),
  fullName: z.string().min(1).max(200).default('Test Member'),
  password: z.string().min(12).max(200),
  role: z.enum(['admin', 'agent']),
});

/** Creates a verified member (admin or agent) in the account of the owner `ownerEmail`. */
export async function POST(req: Request) {
  const blocked = notFoundUnlessTestHooks();
  if (blocked) return blocked;
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success)
    return NextResponse.json({ error: 'Send { ownerEmail, email, password, role: "admin" | "agent", fullName? }' }, { status: 400 });
  const created = await createTestMember(await getDb(), parsed.data, now());
  if (!created) return NextResponse.json({ error: 'No owner with that email' }, { status: 404 });
  return NextResponse.json(created, { status: 201 });
}

import { NextResponse } from 'next/server';
import { issueChallenge } from '@/lib/bot-check';

export const dynamic = 'force-dynamic';

/** ACC-4: a fresh proof-of-work challenge for a public form. */
export async function GET() {
  const challenge = await issueChallenge();
  return NextResponse.json(challenge, { headers: { 'Cache-Control': 'no-store' } });
}

import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { signupSchema } from '@/lib/accounts/schemas';
import { signUp, verifyEmail } from '@/lib/accounts/signup';
import { issueVerificationToken } from '@/lib/accounts/verification';
import { now } from '@/lib/clock';
import { clientIp } from '@/lib/http/request';
import { LOCALES } from '@/lib/i18n/config';
import { notFoundUnlessTestHooks } from '@/lib/http/test-hooks';

export const dynamic = 'force-dynamic';

const body = signupSchema.omit({ botCheck: true, acceptTerms: true, dateOfBirth: true }).extend({ locale: z.enum(LOCALES).default('en') });

/**
 * Test mode only: a signed-up owner with a confirmed email, made by the same services as the signup
 * form and the confirmation link (the trial, the seat, the terms acceptance, the audit entries).
 * Browser tests whose subject is not the signup start from here instead of filling the form.
 */
export async function POST(req: Request) {
  const blocked = notFoundUnlessTestHooks();
  if (blocked) return blocked;
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: 'Send { fullName, email, password, companyName, slug, locale? }' }, { status: 400 });
  const { locale, ...input } = parsed.data;
  const db = await getDb();
  const at = now();
  const signedUp = await signUp(
    db,
    { ...input, dateOfBirth: '1990-04-12', acceptTerms: true, botCheck: '' },
    { ip: clientIp(req.headers), userAgent: (req.headers.get('user-agent') ?? '').slice(0, 400), locale },
    at,
  );
  if (signedUp.existing) return NextResponse.json({ error: 'That email already has a login' }, { status: 409 });
  // The link in the confirmation email carries a token only its recipient knows; a second one of
  // the same kind confirms the address the way opening that link does.
  const token = await db.transaction((tx) => issueVerificationToken(tx, signedUp.userId, at));
  const verified = await verifyEmail(db, token, at);
  if (verified.status !== 'verified') return NextResponse.json({ error: `Not confirmed: ${verified.status}` }, { status: 500 });
  return NextResponse.json({ accountId: signedUp.accountId, userId: signedUp.userId }, { status: 201 });
}

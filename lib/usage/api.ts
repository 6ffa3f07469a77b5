// PLAN-6: POST /api/usage. The helpdesk reports its end users and this month's tickets with the
// account's bearer token; the account is the token's, never the body's.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { usageApiTokens, usageReports } from '@/db/schema';
import { monthOf } from '@/lib/deals/extra-seats';
import { bearerToken } from '@/lib/http/secrets-equal';
import { hitRateLimit, LIMITS } from '@/lib/rate-limit';
import { zodFieldErrors } from '@/lib/actions';
import { readTextLimited } from '@/lib/http/limited-body';
import { accountForUsageToken } from './tokens';
import { usageReportSchema } from './schemas';

/** Reports are a handful of numbers; anything larger is refused unread. */
export const MAX_BODY_BYTES = 4096;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

export async function handleUsageReport(db: Db, req: Request, at: Date): Promise<Response> {
  const unauthorized = () => json(401, { error: 'A valid usage token is required: Authorization: Bearer <token>.' }, { 'www-authenticate': 'Bearer realm="usage"' });
  const token = bearerToken(req);
  if (!token) return unauthorized();
  const accountId = await accountForUsageToken(db, token);
  if (!accountId) return unauthorized();

  const limit = await hitRateLimit(db, LIMITS.usageReport, accountId);
  if (!limit.allowed) return json(429, { error: 'Too many usage reports; try again later.' }, { 'retry-after': String(limit.retryAfterSeconds) });

  const text = await readTextLimited(req, MAX_BODY_BYTES);
  if (text === null) return json(413, { error: `The body may be at most ${MAX_BODY_BYTES} bytes.` });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(400, { error: 'The body must be JSON.' });
  }
  const parsed = usageReportSchema.safeParse(body);
  if (!parsed.success) return json(400, { error: 'The report has invalid fields.', fields: zodFieldErrors(parsed.error) });
  const input = parsed.data;
  const current = monthOf(at);
  if (input.period && input.period > current) return json(400, { error: 'The report has invalid fields.', fields: { period: ['period cannot be a future month.'] } });

  const stored = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(usageReports)
      .values({
        accountId,
        reportedAt: at,
        month: input.period ?? current,
        endUsers: input.endUsers,
        ticketsThisMonth: input.ticketsThisMonth,
        agents: input.agents ?? null,
        storageMb: input.storageMb ?? null,
      })
      .returning();
    await tx.update(usageApiTokens).set({ lastUsedAt: at }).where(eq(usageApiTokens.accountId, accountId));
    return row;
  });
  return json(200, {
    stored: {
      id: stored.id,
      reportedAt: stored.reportedAt.toISOString(),
      month: stored.month,
      endUsers: stored.endUsers,
      ticketsThisMonth: stored.ticketsThisMonth,
      agents: stored.agents,
      storageMb: stored.storageMb,
    },
  });
}

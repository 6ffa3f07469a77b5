// ACC-8: records where and on what a session is used, at most once per session per hour (the
// same throttle idea as CAN-4's activity): one small insert, ignored when the hour is recorded.
import type { Executor } from '@/db/client';
import { loginActivity } from '@/db/schema';
import { deviceOf, hourOf, networkOf } from './rules';

export async function recordLoginActivity(
  db: Executor,
  input: { sessionId: string; userId: string; ip: string | null | undefined; userAgent: string | null | undefined },
  at: Date,
): Promise<void> {
  await db
    .insert(loginActivity)
    .values({ sessionId: input.sessionId, userId: input.userId, hour: hourOf(at), network: networkOf(input.ip), device: deviceOf(input.userAgent) })
    .onConflictDoNothing();
}

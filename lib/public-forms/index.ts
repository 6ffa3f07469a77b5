// ACC-4: the server half of the public-form kit. Every form that anyone may submit without
// signing in (signup, resend confirmation, forgot password, new password; next: deal redemption,
// privacy request) is written like this and nothing else:
//
//   schema: z.object({ …fields, botCheck: botCheckField })          // lib/public-forms/schema.ts
//   export const myAction = validatedAction({
//     schema,
//     guard: publicForm(LIMITS.myForm),                              // add the limit to LIMITS
//     run: async (input, meta) => myService(await getDb(), input, meta, now()),
//   });
//
// and its client form uses `useBotCheckedSubmit` + `<BotCheckedSubmit>` (components/bot-check.tsx).
// The guard runs before the schema, in this order, and stops at the first refusal:
//   1. the client's address from requestMeta() (never from a header read here),
//   2. one hit on the database rate limit `limit` for that address → form message with the wait,
//   3. the proof-of-work solution in the `botCheck` field, accepted once → message on `botCheck`.
// Both are committed on their own, so a refused or failing submission still counts and spends
// its challenge. The service then gets `{ ip, userAgent }` and adds its own per-email limits.
import { getDb, type Executor } from '@/db/client';
import { DomainError, type SubmittedForm } from '@/lib/actions';
import { BOT_CHECK_FAILED, verifyBotCheck } from '@/lib/bot-check';
import { requestMeta } from '@/lib/http/request';
import { msg } from '@/lib/i18n/message-ref';
import { hitRateLimit, type Limit } from '@/lib/rate-limit';

export { botCheckField, BOT_CHECK_MISSING } from './schema';

export interface RequestMeta {
  ip: string;
  userAgent: string;
}

/** The form message (a catalogue reference) when an address has used up `limit`; says how long to wait (60 = an hour). */
export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.min(60, Math.max(1, Math.ceil(retryAfterSeconds / 60)));
  return msg('auth.errors.throttled', { minutes });
}

/** Steps 2 and 3 of the guard, with the database and address given (what the unit tests call). */
export async function checkPublicForm(db: Executor, limit: Limit, ip: string, botCheck: string | undefined): Promise<void> {
  const hit = await hitRateLimit(db, limit, ip);
  if (!hit.allowed) throw new DomainError(throttledMessage(hit.retryAfterSeconds));
  if (!(await verifyBotCheck(db, botCheck))) throw new DomainError(BOT_CHECK_FAILED, 'botCheck');
}

/** The `guard` of a public form's validatedAction: address → rate limit → bot check. */
export function publicForm(limit: Limit): (form: SubmittedForm) => Promise<RequestMeta> {
  return async (form) => {
    const meta = await requestMeta();
    await checkPublicForm(await getDb(), limit, meta.ip, form.field('botCheck'));
    return meta;
  };
}

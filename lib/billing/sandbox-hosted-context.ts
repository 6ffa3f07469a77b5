// The live context of a hosted-page request: the signed-in owner's account and session (which the
// setup reference must be bound to), the client's address and the app clock.
import { getDb } from '@/db/client';
import { currentUser } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { requestLocale } from '@/lib/i18n/server';
import { requestMeta } from '@/lib/http/request';
import { sandboxProcessor } from './processor-instance';
import type { HostedPageContext } from './sandbox-hosted';

export async function hostedPageContext(): Promise<HostedPageContext> {
  const [user, meta, db, locale] = await Promise.all([currentUser(), requestMeta(), getDb(), requestLocale()]);
  return {
    db,
    processor: sandboxProcessor,
    binding: user?.account ? { accountId: user.account.id, sessionId: user.sessionId } : null,
    ip: meta.ip,
    at: now(),
    locale,
  };
}

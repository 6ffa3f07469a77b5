// GDPR-8, GDPR-10: the one check every marketing email passes, when it is queued and again when it
// is delivered (a flag set in between wins): no marketing to an address that unsubscribed, asked
// for restriction or objected.
import { and, isNotNull, or } from 'drizzle-orm';
import { inList } from '@/db/bulk';
import type { Executor } from '@/db/client';
import { privacyFlags } from '@/db/schema';

/** Of `emails`, those that may receive marketing mail now (lower-cased). */
export async function marketingAllowed(tx: Executor, emails: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (!wanted.length) return new Set();
  const blocked = await tx
    .select({ email: privacyFlags.email })
    .from(privacyFlags)
    .where(
      and(
        inList(privacyFlags.email, wanted),
        or(isNotNull(privacyFlags.unsubscribedAt), isNotNull(privacyFlags.restrictedAt), isNotNull(privacyFlags.objectedAt)),
      ),
    );
  const no = new Set(blocked.map((b) => b.email));
  return new Set(wanted.filter((e) => !no.has(e)));
}

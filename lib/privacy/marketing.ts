// GDPR-10: who receives marketing mail, and leaving the list. Recipients are people with a login
// whose newest marketing consent is "given" plus confirmed product-news subscribers, minus every
// address that unsubscribed, asked for restriction or objected (GDPR-8); one row per address, in
// the person's language (a login's language wins over a subscription's).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { executedRows } from '@/db/bulk';
import type { Db, Executor } from '@/db/client';
import { newsletterSubscribers, privacyFlags, users } from '@/db/schema';
import { type Actor, recordAudit } from '@/lib/audit';
import type { Locale } from '@/lib/i18n/config';
import { consentStates, laterThan, recordUserConsents } from './consents';

export interface MarketingRecipient {
  email: string;
  locale: Locale;
}

/** Everyone an announcement goes to now, in one query. */
export async function marketingRecipients(tx: Executor): Promise<MarketingRecipient[]> {
  const result = await tx.execute(sql`
    with latest as (
      select distinct on (user_id) user_id, granted
      from consent_records
      where purpose = 'marketing' and user_id is not null
      order by user_id, at desc
    ),
    candidates as (
      select lower(u.email) as email, u.locale as locale, 1 as preference
      from users u
      join latest l on l.user_id = u.id and l.granted
      left join accounts a on a.id = u.account_id
      where u.email is not null and u.deleted_at is null and u.email_verified_at is not null
        and (a.id is null or a.status <> 'stopped')
      union all
      select s.email, s.locale, 2
      from newsletter_subscribers s
      where s.email is not null and s.confirmed_at is not null and s.unsubscribed_at is null
    )
    select distinct on (c.email) c.email as email, c.locale as locale
    from candidates c
    where not exists (
      select 1 from privacy_flags f
      where f.email = c.email
        and (f.unsubscribed_at is not null or f.restricted_at is not null or f.objected_at is not null)
    )
    order by c.email, c.preference
  `);
  return executedRows<{ email: string; locale: Locale }>(result).map((r) => ({ email: r.email, locale: r.locale === 'nl' ? 'nl' : 'en' }));
}

export type UnsubscribeChannel = 'form' | 'link' | 'one_click';

/**
 * GDPR-10: stop marketing to `email`, whoever asks (the public form cannot tell the owner of an
 * address from anyone else, and stopping mail harms nobody). Flags the address, withdraws the
 * marketing consent of a login with that address, and ends a product-news subscription, in one
 * transaction. Idempotent: a second call changes and audits nothing. Says nothing back.
 */
export async function unsubscribeAddress(db: Db, rawEmail: string, how: { channel: UnsubscribeChannel; ip: string | null }, at: Date): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(privacyFlags)
      .values({ email, unsubscribedAt: at, updatedAt: at })
      .onConflictDoNothing({ target: privacyFlags.email })
      .returning({ email: privacyFlags.email });
    let changed = inserted.length > 0;
    if (!changed) {
      const flagged = await tx
        .update(privacyFlags)
        .set({ unsubscribedAt: at, updatedAt: at })
        .where(and(eq(privacyFlags.email, email), isNull(privacyFlags.unsubscribedAt)))
        .returning({ email: privacyFlags.email });
      changed = flagged.length > 0;
    }
    const [user] = await tx
      .select({ id: users.id, email: users.email, accountId: users.accountId })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deletedAt)))
      .for('update');
    if (user?.email) {
      const marketing = (await consentStates(tx, user.id)).find((s) => s.purpose === 'marketing')!;
      if (marketing.granted) {
        await recordUserConsents(tx, { id: user.id, email: user.email }, ['marketing'], false, { source: 'unsubscribe', at: laterThan(marketing.at, at), ip: how.ip });
        changed = true;
      }
    }
    const ended = await tx
      .update(newsletterSubscribers)
      .set({ unsubscribedAt: at })
      .where(and(eq(newsletterSubscribers.email, email), isNull(newsletterSubscribers.unsubscribedAt)))
      .returning({ id: newsletterSubscribers.id });
    changed ||= ended.length > 0;
    if (changed) {
      const actor: Actor = { type: 'anonymous', ip: how.ip };
      await recordAudit(tx, actor, {
        action: 'privacy.unsubscribed',
        accountId: user?.accountId ?? null,
        target: user ? `user:${user.id}` : `email:${email}`,
        details: { channel: how.channel, consentWithdrawn: !!user, subscriptionEnded: ended.length > 0 },
      });
    }
  });
}

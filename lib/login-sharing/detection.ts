// ACC-8: the detection sweep. Set-based: one statement finds every login used, within the same hour,
// by two sessions on different devices and different networks on at least `minDays` distinct
// (Bratislava) days of the last `windowDays`, and flags it — once per login, ever: a flag staff
// dismissed stays dismissed. Activity older than the window is no longer needed and is pruned.
import { lt, sql } from 'drizzle-orm';
import { executedRows } from '@/db/bulk';
import type { Db } from '@/db/client';
import { loginActivity } from '@/db/schema';
import { recordAudits, SYSTEM } from '@/lib/audit';
import { now, TIME_ZONE } from '@/lib/clock';
import { sharingThresholds, type SharingThresholds } from './rules';

export async function detectLoginSharing(db: Db, thresholds: SharingThresholds = sharingThresholds(), at: Date = now()): Promise<number> {
  const since = new Date(at.getTime() - thresholds.windowDays * 86_400_000);
  return db.transaction(async (tx) => {
    const flagged = await tx.execute(sql`
      with pairs as (
        select a.user_id, a.hour, a.network as n1, b.network as n2, a.device as d1, b.device as d2
        from login_activity a
        join login_activity b
          on b.user_id = a.user_id and b.hour = a.hour and a.session_id < b.session_id
         and a.network <> b.network and a.device <> b.device
        where a.hour >= ${since.toISOString()}::timestamptz and a.hour <= ${at.toISOString()}::timestamptz
          and not exists (select 1 from login_sharing_flags f where f.user_id = a.user_id)
      ),
      hours as (
        select p.user_id, p.hour,
               array_agg(distinct x.network order by x.network) as networks,
               array_agg(distinct x.device order by x.device) as devices
        from pairs p
        cross join lateral (values (p.n1, p.d1), (p.n2, p.d2)) as x(network, device)
        group by p.user_id, p.hour
      ),
      candidates as (
        select user_id,
               count(distinct (hour at time zone ${TIME_ZONE})::date)::int as days,
               min(hour) as first_seen,
               max(hour) as last_seen,
               jsonb_agg(jsonb_build_object('hour', hour, 'networks', to_jsonb(networks), 'devices', to_jsonb(devices)) order by hour) as evidence
        from hours
        group by user_id
        having count(distinct (hour at time zone ${TIME_ZONE})::date) >= ${thresholds.minDays}
      )
      insert into login_sharing_flags (user_id, account_id, status, flagged_at, first_seen_at, last_seen_at, days, evidence)
      select c.user_id, u.account_id, 'open', ${at.toISOString()}::timestamptz, c.first_seen, c.last_seen, c.days, c.evidence
      from candidates c
      join users u on u.id = c.user_id
      where u.account_id is not null and u.deleted_at is null
      on conflict (user_id) do nothing
      returning id, user_id, account_id, days`);
    const rows = executedRows<{ id: string; user_id: string; account_id: string; days: number }>(flagged);
    await recordAudits(
      tx,
      SYSTEM,
      rows.map((r) => ({
        action: 'login_sharing.flagged',
        accountId: r.account_id,
        target: `user:${r.user_id}`,
        details: { flag: r.id, days: r.days, minDays: thresholds.minDays, windowDays: thresholds.windowDays },
      })),
    );
    // Kept only as long as detection needs it.
    await tx.delete(loginActivity).where(lt(loginActivity.hour, since));
    return rows.length;
  });
}

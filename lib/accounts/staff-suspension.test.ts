import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog, outbox } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount } from '@/lib/test-utils/factories';
import { suspendAccountByStaff } from './staff-suspension';

let t: TestDb;
const at = new Date('2026-11-26T10:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

describe('APS-3 staff suspend the account holding a shared code', () => {
  test('APS-3 the account is suspended with the reason, audited, and the owner is emailed', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 0 });
    await suspendAccountByStaff(t.db, { accountId: account.id, reason: 'The code is shared on a forum.', context: 'deal:AppSumo' }, { type: 'staff', ip: '192.0.2.9' }, at);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row).toMatchObject({ status: 'suspended', staffSuspensionReason: 'The code is shared on a forum.' });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'account.suspended_by_staff'));
    expect(entry.details).toMatchObject({ reason: 'The code is shared on a forum.', previousStatus: 'active' });
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.to, owner.email!));
    expect(mail.subject).toBe('Your Accountdesk account is suspended');
    expect(mail.text).toContain('Reason: The code is shared on a forum.');
    await expect(suspendAccountByStaff(t.db, { accountId: account.id, reason: 'again', context: '' }, { type: 'staff' }, at)).rejects.toBeInstanceOf(DomainError);
  });
});

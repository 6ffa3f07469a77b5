import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, termsAcceptances, termsVersions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { setClock } from '@/lib/clock';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, makeUser } from '@/lib/test-utils/factories';
import { TERMS_V1, TERMS_V1_NL } from './content';
import { currentTerms, publishedTerms, termsByVersion, termsToAccept, termsVersionsForStaff } from './queries';
import { publishTermsSchema } from './schemas';
import { acceptCurrentTerms, publishTerms } from './service';

let t: TestDb;
const staff = { type: 'staff' as const, ip: '192.0.2.5' };
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  setClock(null);
  await t.dispose();
});

const form = (over: Record<string, string> = {}) =>
  publishTermsSchema.parse({
    version: '2027-01',
    bodyEn: '## Changes\nA new section about logins, in English.',
    bodyNl: '## Wijzigingen\nEen nieuwe sectie over logins, in het Nederlands.',
    ...over,
  });

describe('ACC-6 terms revisions', () => {
  test('ACC-6 the seeded first version has its Dutch text', async () => {
    const [v1] = await t.db.select().from(termsVersions).where(eq(termsVersions.version, TERMS_V1.version));
    expect(v1.bodyNl).toBe(TERMS_V1_NL.body);
  });

  test('ACC-6 staff publish a version in both languages: in force at once, audited, and the earlier one stays readable', async () => {
    const before = new Date('2026-12-01T09:59:00Z');
    const at = new Date('2026-12-01T10:00:00Z');
    setClock(before);
    const { owner, account } = await makeOwnerAccount(t.db, { sessions: 0 });
    expect(await termsToAccept(t.db, owner, before)).toBeNull();
    const row = await publishTerms(t.db, form(), staff, at);
    expect(row.publishedAt).toEqual(at);
    expect(row.bodyNl).toContain('Wijzigingen');
    expect((await currentTerms(t.db, before))?.version).toBe(TERMS_V1.version);
    expect((await currentTerms(t.db, at))?.version).toBe('2027-01');
    expect((await publishedTerms(t.db, at)).map((v) => v.version)).toEqual(['2027-01', TERMS_V1.version]);
    expect((await termsByVersion(t.db, TERMS_V1.version, at))?.body).toBe(TERMS_V1.body);
    expect(await termsByVersion(t.db, '2027-01', before)).toBeNull();
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'terms.published'));
    expect(audits.map((a) => a.target)).toEqual(['terms:2027-01']);

    // The owner who accepted version 1 at signup sees the notice until they continue.
    expect((await termsToAccept(t.db, owner, at))?.version).toBe('2027-01');
    const later = new Date('2026-12-02T08:00:00Z');
    const r = await acceptCurrentTerms(t.db, { userId: owner.id, accountId: account.id, ip: '203.0.113.9', userAgent: 'Mozilla/5.0 Firefox/140.0' }, { type: 'owner', id: owner.id }, later);
    expect(r).toEqual({ version: '2027-01', recorded: true });
    expect(await termsToAccept(t.db, owner, later)).toBeNull();
    const [acceptance] = await t.db.select().from(termsAcceptances).where(eq(termsAcceptances.termsVersionId, row.id));
    expect(acceptance).toMatchObject({ userId: owner.id, acceptedAt: later, ip: '203.0.113.9', userAgent: 'Mozilla/5.0 Firefox/140.0', method: 'continued_use' });
    // A second click (another tab) records nothing more.
    expect((await acceptCurrentTerms(t.db, { userId: owner.id, accountId: account.id, ip: '203.0.113.9', userAgent: 'x' }, { type: 'owner', id: owner.id }, later)).recorded).toBe(false);
    expect(await t.db.select().from(termsAcceptances).where(eq(termsAcceptances.termsVersionId, row.id))).toHaveLength(1);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'terms.accepted'))).toHaveLength(1);

    // A member who joins after publication joined under the new version: no notice for them.
    setClock(later);
    const agent = await makeUser(t.db, account.id, { role: 'agent' });
    expect(await termsToAccept(t.db, agent, later)).toBeNull();

    // Staff's list counts each version's own acceptances (one for 2027-01 so far).
    const listed = await termsVersionsForStaff(t.db);
    const accepted = (v: string) => listed.find((x) => x.version === v)?.acceptances;
    expect(accepted('2027-01')).toBe(1);
    expect(accepted(TERMS_V1.version)).toBe(
      (await t.db.select().from(termsAcceptances).where(eq(termsAcceptances.termsVersionId, listed.find((x) => x.version === TERMS_V1.version)!.id))).length,
    );
  });

  test('ACC-6 a version name is used once (at the Version field), and the form asks for both languages', async () => {
    const err = await publishTerms(t.db, form({ version: '2027-01' }), staff, new Date('2026-12-05T10:00:00Z')).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.field).toBe('version');
    // Versions follow each other: none may be published before the latest one.
    const early = await publishTerms(t.db, form({ version: '2026-earlier' }), staff, new Date('2026-11-30T10:00:00Z')).catch((e) => e);
    expect(early).toBeInstanceOf(DomainError);
    expect(early.field).toBeUndefined();
    const parsed = publishTermsSchema.safeParse({ version: 'bad version!', bodyEn: 'short', bodyNl: '' });
    expect(parsed.success).toBe(false);
    expect(new Set(parsed.error!.issues.map((i) => i.path[0]))).toEqual(new Set(['version', 'bodyEn', 'bodyNl']));
  });
});

import { describe, expect, test } from 'vitest';
import { canDownloadDocument } from './access';

const doc = { accountId: '00000000-0000-4000-8000-00000000000a' };
const otherAccount = '00000000-0000-4000-8000-00000000000b';

describe('document access', () => {
  test("INV-5 the owner of the document's account may download it", () => {
    expect(canDownloadDocument({ role: 'owner', accountId: doc.accountId }, doc)).toBe(true);
  });

  test('INV-5 staff may download every account’s documents', () => {
    expect(canDownloadDocument({ role: 'staff', accountId: null }, doc)).toBe(true);
  });

  test("INV-5 another account's owner, a non-owner member and a signed-out visitor may not", () => {
    expect(canDownloadDocument({ role: 'owner', accountId: otherAccount }, doc)).toBe(false);
    expect(canDownloadDocument({ role: 'admin', accountId: doc.accountId }, doc)).toBe(false);
    expect(canDownloadDocument({ role: 'agent', accountId: doc.accountId }, doc)).toBe(false);
    expect(canDownloadDocument({ role: 'owner', accountId: null }, doc)).toBe(false);
    expect(canDownloadDocument(null, doc)).toBe(false);
  });
});

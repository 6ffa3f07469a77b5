// APS-4: a deal's redemption window. The deal "closes on 30 Nov 2019 at 23:59" (Bratislava), so
// that whole last minute still counts: a code redeemed at 23:59:59 works, at 00:00 it is refused.
const LAST_MINUTE_MS = 60_000;

export function dealIsOpen(deal: { closesAt: Date }, now: Date): boolean {
  return now.getTime() < deal.closesAt.getTime() + LAST_MINUTE_MS;
}

export type CodeState = 'unused' | 'redeemed' | 'revoked';

export function codeState(code: { accountId: string | null; revokedAt: Date | null }): CodeState {
  if (code.revokedAt) return 'revoked';
  return code.accountId ? 'redeemed' : 'unused';
}

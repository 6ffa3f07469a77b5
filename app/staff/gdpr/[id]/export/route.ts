// GDPR-6: staff download the personal-data export of a confirmed access or portability request.
// Staff only; an unknown request is a 404, one that may not be exported a 409.
import { getDb } from '@/db/client';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { exportForRequest } from '@/lib/privacy/export';

export const dynamic = 'force-dynamic';

function plain(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
}

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  // Signed-out visitors go to sign-in, other users away, like every /staff page.
  const staff = await requireStaff();
  const { id } = await params;
  const result = await exportForRequest(await getDb(), { requestId: id, staffUserId: staff.user.id, actor: actorForUser(staff.user, staff.ip), at: now() });
  if (result.kind === 'not_found') return plain(404, 'Not found');
  if (result.kind === 'not_allowed') return plain(409, 'Only confirmed access or portability requests can be exported.');
  const body = JSON.stringify(result.data, null, 2);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="personal-data-${result.reference}.json"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

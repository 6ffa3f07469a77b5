import { StopAccountForm } from '@/components/account/stop-account-form';
import { Card, PageHeader } from '@/components/ui/page';
import { accountAddress } from '@/lib/accounts/address';
import { requireOwnerEvenIfSuspended } from '@/lib/auth/guards';
import { INVOICE_RETENTION_YEARS } from '@/lib/cancellation/stop-account';
import { stopAccountAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Stop account' };

export default async function StopAccountPage() {
  const ctx = await requireOwnerEvenIfSuspended();
  const address = accountAddress(ctx.account.slug);
  return (
    <>
      <PageHeader title="Stop account" description={`Stopping ${address} (${ctx.account.companyName}).`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="What happens when you stop the account">
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
            <li>It takes effect immediately.</li>
            <li>No further charges are made.</li>
            <li>Every user of the account, you included, loses access at once and is signed out.</li>
            <li>The account’s content and the personal data of its users are deleted.</li>
            <li>Invoices already issued are kept for the legal retention period of {INVOICE_RETENTION_YEARS} years, then deleted.</li>
            <li>
              <strong>It cannot be undone.</strong> The address <span className="font-mono">{address}</span> stays reserved and can never be
              used again, by you or anyone else.
            </li>
            <li>We send a confirmation email to you, the owner.</li>
          </ul>
        </Card>
        <section className="rounded-lg border border-red-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 text-base font-semibold text-red-800">Confirm</h2>
          <StopAccountForm action={stopAccountAction} address={address} />
        </section>
      </div>
    </>
  );
}

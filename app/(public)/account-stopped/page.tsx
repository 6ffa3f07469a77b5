import Link from 'next/link';

export const metadata = { title: 'Account stopped' };

export default function AccountStoppedPage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Your account has been stopped</h1>
      <div className="mt-4 space-y-3 text-sm text-slate-700">
        <p>Every user has been signed out, no further charges will be made, and the account’s data and personal data have been deleted.</p>
        <p>Invoices already issued are kept for the legal retention period. A confirmation has been sent to the owner’s email address.</p>
        <p>Thank you for using Accountdesk.</p>
      </div>
      <p className="mt-8 text-sm">
        <Link href="/">Go to the Accountdesk home page</Link>
      </p>
    </div>
  );
}

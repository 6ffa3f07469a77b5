import Link from 'next/link';

const POINTS = [
  { title: 'Start in minutes', text: 'Sign up, confirm your email and your helpdesk address is ready. The first 14 days are free, no card needed.' },
  { title: 'Billing you can read', text: 'Monthly or yearly, per seat, with clear invoices, correct EU VAT and credit notes when something needs fixing.' },
  { title: 'Your data, your call', text: 'See who accessed your account and why, download your data, and stop your account whenever you want.' },
];

export default function Home() {
  return (
    <div>
      <section className="bg-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Helpdesk accounts and billing</p>
          <h1 className="mt-2 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            Run your helpdesk subscription without the paperwork.
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-600">
            Accountdesk is where you open your helpdesk account, add your team, pay, download invoices and manage your
            privacy — all in one place.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/signup" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white no-underline hover:bg-brand-800 hover:no-underline">
              Start your free trial
            </Link>
            <Link href="/pricing" className="rounded-md border border-slate-300 bg-white px-5 py-3 font-semibold text-slate-800 no-underline hover:bg-slate-50 hover:no-underline">
              See pricing
            </Link>
            <Link href="/appsumo" className="self-center px-2 text-sm">
              Have a lifetime deal code?
            </Link>
          </div>
        </div>
      </section>
      <section className="mx-auto grid max-w-6xl gap-6 px-4 py-12 sm:grid-cols-3">
        {POINTS.map((p) => (
          <div key={p.title} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h2 className="text-lg font-semibold text-slate-900">{p.title}</h2>
            <p className="mt-2 text-sm text-slate-600">{p.text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}

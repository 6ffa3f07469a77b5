import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import { currentTerms, parseTermsBody } from '@/lib/terms/queries';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Terms of service' };

export default async function TermsPage() {
  const terms = await currentTerms(await getDb(), now());
  return (
    <article className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Terms of service</h1>
      {terms ? (
        <>
          <p className="mt-2 text-sm text-slate-600">
            Version {terms.version}, in force since {formatDate(terms.publishedAt)}.
          </p>
          {parseTermsBody(terms.body).map((s) => (
            <section key={s.heading} className="mt-8">
              {s.heading && <h2 className="text-xl font-semibold text-slate-900">{s.heading}</h2>}
              {s.blocks.map((b, i) =>
                b.kind === 'p' ? (
                  <p key={i} className="mt-3 text-slate-700">
                    {b.text}
                  </p>
                ) : (
                  <ul key={i} className="mt-3 list-disc space-y-1.5 pl-6 text-slate-700">
                    {b.items.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                ),
              )}
            </section>
          ))}
        </>
      ) : (
        <p className="mt-4 text-slate-600">No terms have been published yet.</p>
      )}
    </article>
  );
}

// ACC-6: a terms body (Markdown) rendered on the server. react-markdown builds React elements, never
// raw HTML: HTML in the text is left out (skipHtml) and unsafe link targets are dropped by its
// default URL transform. A "# " heading is shown as a section heading: the page has its own h1.
import Markdown, { type Components } from 'react-markdown';

const components: Components = {
  h1: ({ children }) => <h2 className="mt-8 text-xl font-semibold text-slate-900">{children}</h2>,
  h2: ({ children }) => <h2 className="mt-8 text-xl font-semibold text-slate-900">{children}</h2>,
  h3: ({ children }) => <h3 className="mt-6 text-lg font-semibold text-slate-900">{children}</h3>,
  p: ({ children }) => <p className="mt-3 text-slate-700">{children}</p>,
  ul: ({ children }) => <ul className="mt-3 list-disc space-y-1.5 pl-6 text-slate-700">{children}</ul>,
  ol: ({ children }) => <ol className="mt-3 list-decimal space-y-1.5 pl-6 text-slate-700">{children}</ol>,
  a: ({ children, href }) => (
    <a href={href} className="font-medium text-blue-700 underline">
      {children}
    </a>
  ),
};

export function TermsMarkdown({ body, lang }: { body: string; lang?: string }) {
  return (
    <div lang={lang}>
      <Markdown skipHtml components={components}>
        {body}
      </Markdown>
    </div>
  );
}

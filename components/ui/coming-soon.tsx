/** An honest page body for a section that a later release fills. */
export function ComingSoon({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{children}</p>;
}

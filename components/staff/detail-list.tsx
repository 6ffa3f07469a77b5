/** One label–value row of a staff detail list (`<dl>`). */
export function DetailRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-2 sm:grid-cols-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="col-span-2 break-words text-sm text-slate-900 sm:col-span-3">{children}</dd>
    </div>
  );
}

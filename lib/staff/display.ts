// How staff pages summarise an audit entry's details: `key: value` pairs, short and on one line.

export function summariseDetails(details: Record<string, unknown> | null | undefined, max = 140): string {
  if (!details) return '';
  const parts = Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  const s = parts.join(', ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

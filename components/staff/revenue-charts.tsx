'use client';
// The revenue view's charts (recharts). They are a picture of the figures in the tables beside
// them: each chart is one image with a text alternative, and the tables carry the numbers for
// screen readers and for copying. Values and labels arrive formatted in the reader's language.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartPoint {
  name: string;
  /** Plotted value. */
  value: number;
  /** The value as the reader reads it (e.g. "€70.00"), shown in the tooltip. */
  label: string;
}

const BRAND = '#2563eb';
const SECOND = '#dc2626';

function Frame({ description, children }: { description: string; children: React.ReactElement }) {
  return (
    <figure role="img" aria-label={description} className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

export function SingleSeriesBarChart({ data, description, seriesName }: { data: ChartPoint[]; description: string; seriesName: string }) {
  return (
    <Frame description={description}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
        <YAxis tick={{ fontSize: 12 }} width={48} allowDecimals={false} />
        <Tooltip formatter={(_v, _n, item) => [(item.payload as ChartPoint).label, seriesName]} />
        <Bar dataKey="value" name={seriesName} fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}

export interface WeekPoint {
  name: string;
  signups: number;
  cancellations: number;
}

export function WeeklyActivityChart({ data, description, signupsName, cancellationsName }: { data: WeekPoint[]; description: string; signupsName: string; cancellationsName: string }) {
  return (
    <Frame description={description}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} width={40} allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="signups" name={signupsName} fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="cancellations" name={cancellationsName} fill={SECOND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}

'use client';
// A labelled textarea wired to a server form, like TextField for single lines.
import { useId, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Field, type ServerForm } from '@/components/ui/form';
import { inputClass } from '@/components/ui/styles';

export function TextAreaField<T extends FieldValues>({
  f,
  name,
  label,
  hint,
  rows = 5,
  maxLength,
}: {
  f: ServerForm<T, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
}) {
  const id = `${useId()}-${name}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const reg = f.form.register(name as any);
  return (
    <Field id={id} label={label} error={f.errorFor(name)} hint={hint}>
      {(a11y) => <textarea {...a11y} {...reg} rows={rows} maxLength={maxLength} className={inputClass} />}
    </Field>
  );
}

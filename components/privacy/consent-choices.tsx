'use client';
// GDPR-2: the two optional consents of the signup and deal-redemption forms, separate and unticked.
// Their labels avoid the words of the other fields' labels ("Email", "Full name" …), which tests
// and assistive technology find by substring.
import { useTranslations } from 'next-intl';
import type { UseFormRegister } from 'react-hook-form';

const CHOICES = [
  { name: 'consentMarketing', key: 'marketing' },
  { name: 'consentCustomerService', key: 'customerService' },
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ConsentChoices({ register, idPrefix }: { register: UseFormRegister<any>; idPrefix: string }) {
  const t = useTranslations('consents.signup');
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">{t('legend')}</legend>
      {CHOICES.map((c) => {
        const id = `${idPrefix}-${c.name}`;
        return (
          <div key={c.name} className="flex items-start gap-2">
            <input
              id={id}
              type="checkbox"
              {...register(c.name)}
              aria-describedby={`${id}-hint`}
              className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-700 focus:ring-brand-600"
            />
            <div className="text-sm">
              <label htmlFor={id} className="text-slate-700">
                {t(`${c.key}.label`)}
              </label>
              <p id={`${id}-hint`} className="text-xs text-slate-500">
                {t(`${c.key}.hint`)}
              </p>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

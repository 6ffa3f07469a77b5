'use client';
// GDPR-10: the two public one-field forms: "Unsubscribe" and "Subscribe to product news" (also
// shown as "Subscribe again" after unsubscribing). Both use the public-form kit.
import { useTranslations } from 'next-intl';
import { BotCheckedSubmit, useBotCheckedSubmit } from '@/components/bot-check';
import { FormMessage, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import type { addressFormSchema } from '@/lib/privacy/schemas';
import { subscribeNewsAction } from '@/app/(public)/news/actions';
import { unsubscribeAction } from '@/app/(public)/unsubscribe/actions';

// Loaded when the form is first used: zod stays out of the page's first load (components/ui/form.tsx).
const loadSchema = (): Promise<typeof addressFormSchema> => import('@/lib/privacy/schemas').then((m) => m.addressFormSchema);

type AddressAction<R> = (prev: FormState<R>, fd: FormData) => Promise<FormState<R>>;

export function NewsSubscribeForm({ again = false, defaultEmail = '' }: { again?: boolean; defaultEmail?: string }) {
  const t = useTranslations('consents.news');
  const f = useServerForm(loadSchema, subscribeNewsAction as AddressAction<undefined>, { email: defaultEmail, botCheck: '' });
  const kit = useBotCheckedSubmit(f);
  if (f.state.status === 'ok') return <FormMessage state={f.state} />;
  return (
    <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate className="space-y-3">
      <TextField f={f} name="email" label={t('email')} type="email" autoComplete="email" />
      <FormMessage state={f.state} />
      <BotCheckedSubmit kit={kit}>{again ? t('again') : t('submit')}</BotCheckedSubmit>
    </form>
  );
}

export function UnsubscribeForm() {
  const t = useTranslations('consents.unsubscribe');
  const f = useServerForm(loadSchema, unsubscribeAction as AddressAction<{ email: string }>, { email: '', botCheck: '' });
  const kit = useBotCheckedSubmit(f);
  if (f.state.status === 'ok') {
    const email = f.state.data?.email ?? '';
    return (
      <div className="space-y-6">
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t('done')}
        </p>
        <SubscribeAgain email={email} />
      </div>
    );
  }
  return (
    <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate className="space-y-3">
      <TextField f={f} name="email" label={t('email')} type="email" autoComplete="email" />
      <FormMessage state={f.state} />
      <BotCheckedSubmit kit={kit}>{t('submit')}</BotCheckedSubmit>
    </form>
  );
}

/** After unsubscribing: the way back, through the same double opt-in as a new subscription. */
export function SubscribeAgain({ email }: { email: string }) {
  const t = useTranslations('consents.unsubscribe');
  return (
    <section aria-labelledby="subscribe-again" className="border-t border-slate-200 pt-4">
      <h2 id="subscribe-again" className="text-base font-semibold text-slate-900">
        {t('againTitle')}
      </h2>
      <p className="mt-1 mb-3 text-sm text-slate-600">{t('againIntro')}</p>
      <NewsSubscribeForm again defaultEmail={email} />
    </section>
  );
}

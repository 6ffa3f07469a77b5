// INV-8: on /account/stop, before confirming, the owner is told what happens to unused prepaid
// credit: the remainder, the refund (issued as a credit note) and the cancellation fee kept.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { cancellationPreview } from '@/lib/credit/service';
import { getFormatters } from '@/lib/i18n/server';

export async function StopCreditNotice({ accountId }: { accountId: string }) {
  const preview = await cancellationPreview(await getDb(), accountId, now());
  if (!preview) return null;
  const [t, f] = await Promise.all([getTranslations('credit.stop'), getFormatters()]);
  return (
    <section aria-labelledby="stop-credit-heading" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-5 text-sm text-amber-950">
      <h2 id="stop-credit-heading" className="mb-2 text-base font-semibold">
        {t('heading')}
      </h2>
      <p>
        {t('figures', { remainder: f.money(preview.remainderCents), refund: f.money(preview.refundCents), fee: f.money(preview.feeCents), percent: preview.feePercent })}
      </p>
      <p className="mt-1">{t('creditNote')}</p>
    </section>
  );
}

'use client';
// APS-1: revoke one unused code.
import { useTranslations } from 'next-intl';
import { InlineAction } from '@/components/ui/inline-action';
import type { FormState } from '@/lib/actions';

export function RevokeCodeButton({ dealId, codeId, code, action }: { dealId: string; codeId: string; code: string; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('deals.staff.codes');
  return <InlineAction action={action} fields={{ dealId, codeId }} label={t('revoke')} accessibleLabel={t('revokeLabel', { code })} tone="danger" />;
}

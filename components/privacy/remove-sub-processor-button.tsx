'use client';
// GDPR-1: remove one sub-processor from the public list (audited by the service).
import { useTranslations } from 'next-intl';
import { InlineAction } from '@/components/ui/inline-action';
import type { FormState } from '@/lib/actions';

export function RemoveSubProcessorButton({ id, name, action }: { id: string; name: string; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('privacy.subProcessors');
  return <InlineAction action={action} fields={{ subProcessorId: id }} label={t('remove')} accessibleLabel={t('removeLabel', { name })} tone="danger" />;
}

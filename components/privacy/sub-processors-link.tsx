// GDPR-1: the way from the staff GDPR page to the sub-processor list (kept apart so the GDPR page
// can be rebuilt without losing it).
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

export async function SubProcessorsLink() {
  const t = await getTranslations('privacy.subProcessors');
  return (
    <Link href="/staff/gdpr/sub-processors" className="text-sm font-medium">
      {t('link')}
    </Link>
  );
}

import { Link } from '@/components/ui/link';

export function Brand({ href = '/' }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 text-lg font-semibold text-slate-900 no-underline hover:no-underline">
      <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-700 text-sm font-bold text-white">
        A
      </span>
      Accountdesk
    </Link>
  );
}

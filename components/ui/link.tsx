'use client';
// Every link inside the app. It is prefetched when a person shows intent (the pointer over it,
// keyboard focus, a touch), not as soon as it scrolls into view, which is Next's default: that
// made every portal page ask the server for a signed-in render of each page in its navigation,
// and a table of invoices or accounts for one per row, for pages nobody had opened.
import NextLink from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

/** The app router, or null where there is none (a component rendered on its own, as unit tests do). */
function useAppRouter() {
  try {
    return useRouter();
  } catch {
    return null;
  }
}

export function Link({ href, onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  const router = useAppRouter();
  const prefetch = () => {
    if (router && typeof href === 'string' && href.startsWith('/')) router.prefetch(href);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(e) => {
        onMouseEnter?.(e);
        prefetch();
      }}
      onFocus={(e) => {
        onFocus?.(e);
        prefetch();
      }}
      onTouchStart={(e) => {
        onTouchStart?.(e);
        prefetch();
      }}
    />
  );
}

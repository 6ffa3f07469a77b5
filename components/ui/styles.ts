// Class names shared by server and client components. They live outside the 'use client' form
// kit: a server component importing a value from a client module gets a reference, not the string.
export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500 sm:text-sm';

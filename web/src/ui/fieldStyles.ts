import { cx } from './cx';

/** Shared look of text inputs, text areas and selects. */
export function controlClass(invalid: boolean, extra?: string): string {
  return cx(
    'mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-400',
    'focus:outline-2 focus:outline-offset-0 disabled:bg-slate-50 disabled:text-slate-500',
    invalid ? 'border-red-400 focus:outline-red-500' : 'border-slate-300 focus:outline-indigo-600',
    extra,
  );
}

/** ids for a control's hint and error, and its aria-describedby. */
export function describedBy(id: string, hint: string | undefined, error: string | null | undefined) {
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [errorId, hintId].filter(Boolean).join(' ') || undefined };
}

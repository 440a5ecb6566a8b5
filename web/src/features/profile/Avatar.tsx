import { useState } from 'react';
import { cx } from '../../ui/cx';
import { safeAvatarUrl } from './validation';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
  return letters.map((w) => [...(w ?? '')][0] ?? '').join('').toUpperCase() || '?';
}

const sizes = { sm: 'h-8 w-8 text-xs', md: 'h-12 w-12 text-base', lg: 'h-24 w-24 text-3xl' } as const;

/** The user's picture (https only), or their initials when there is none or it fails to load. */
export function Avatar({ name, url, size = 'md', className }: { name: string; url?: string | null; size?: keyof typeof sizes; className?: string }) {
  const src = safeAvatarUrl(url);
  const [failed, setFailed] = useState<string | null>(null);
  const base = cx('inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full', sizes[size], className);
  if (src && failed !== src) {
    return <img src={src} alt="" referrerPolicy="no-referrer" className={cx(base, 'bg-slate-100 object-cover')} onError={() => setFailed(src)} />;
  }
  return (
    <span aria-hidden="true" className={cx(base, 'bg-indigo-100 font-semibold text-indigo-700')}>
      {initials(name)}
    </span>
  );
}

export function LogoMark({ className = 'h-8 w-8' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-indigo-600" />
      <path d="M8 22V10h3l5 7 5-7h3v12h-3v-7l-5 7-5-7v7z" fill="#fff" />
    </svg>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuthStore } from '../features/auth/AuthContext';
import type { SessionUser } from '../features/auth/authStore';
import { Avatar } from '../features/profile/Avatar';
import { cx } from '../ui/cx';

const itemClass =
  'block w-full rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:bg-slate-100 focus-visible:outline-none';

/** The signed-in user's name in the header, opening a small menu. */
export function UserMenu({ user, inline = false }: { user: SessionUser | null; inline?: boolean }) {
  const auth = useAuthStore();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const name = user?.displayName ?? user?.username ?? user?.email ?? 'Your account';

  useEffect(() => setOpen(false), [location.pathname, location.search]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function logOut() {
    setOpen(false);
    navigate('/', { replace: false });
    await auth.logout();
  }

  const items = (
    <>
      {user?.username && (
        <Link to={`/u/${encodeURIComponent(user.username)}`} className={itemClass}>
          Your profile
        </Link>
      )}
      <Link to="/settings/profile" className={itemClass}>
        Edit profile
      </Link>
      <Link to="/settings/security" className={itemClass}>
        Security settings
      </Link>
      <div className="my-1 h-px bg-slate-200" role="separator" />
      <button type="button" className={itemClass} onClick={() => void logOut()}>
        Log out
      </button>
    </>
  );

  if (inline) {
    return (
      <div className="border-t border-slate-200 pt-3">
        <p className="px-3 pb-2 text-sm text-slate-600">
          Signed in as <span className="font-medium text-slate-900">{name}</span>
        </p>
        {items}
      </div>
    );
  }

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        onClick={() => setOpen((v) => !v)}
      >
        {/* The name is the button's label as seen and as spoken ("Ada Okafor, account menu"): no aria-label that could differ from it. */}
        <Avatar name={name} size="sm" />
        <span className="max-w-40 truncate" data-testid="header-user-name">
          {name}
        </span>
        <span className="sr-only">, account menu</span>
        <svg viewBox="0 0 20 20" className={cx('h-4 w-4 text-slate-500 transition-transform', open && 'rotate-180')} fill="currentColor" aria-hidden="true">
          <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06z" />
        </svg>
      </button>
      {open && (
        <div id={menuId} className="absolute right-0 z-50 mt-2 w-60 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg">
          <div className="border-b border-slate-100 px-3 pt-1.5 pb-2.5">
            <p className="truncate text-sm font-semibold text-slate-900">{name}</p>
            {user?.username && <p className="truncate text-xs text-slate-500">@{user.username}</p>}
          </div>
          <nav aria-label="Account" className="pt-1">
            {items}
          </nav>
        </div>
      )}
    </div>
  );
}

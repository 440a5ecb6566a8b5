import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { hireLink } from '../features/auth/accountKinds';
import { useAuthState } from '../features/auth/AuthContext';
import { buttonClass } from '../ui/buttonStyles';
import { Container } from '../ui/Container';
import { cx } from '../ui/cx';
import { LogoMark } from '../ui/Logo';
import { UserMenu } from './UserMenu';

const navLink = ({ isActive }: { isActive: boolean }) =>
  cx(
    'rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
    isActive ? 'text-indigo-700' : 'text-slate-700 hover:text-slate-900',
  );

export function Header() {
  const { status, session } = useAuthState();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const hire = hireLink(session?.user, session !== null);

  // Close the mobile menu after navigating.
  useEffect(() => setOpen(false), [location.pathname, location.search]);

  // Escape closes the mobile menu and gives focus back to its button.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const links = (
    <>
      {session && (
        <NavLink to="/dashboard" className={navLink}>
          Dashboard
        </NavLink>
      )}
      <NavLink to="/jobs" className={navLink}>
        Find work
      </NavLink>
      {hire && (
        <Link to={hire} className={navLink({ isActive: false })}>
          Hire talent
        </Link>
      )}
    </>
  );

  const signedOut = (
    <>
      <NavLink to="/login" className={navLink}>
        Log in
      </NavLink>
      <Link to="/register" className={buttonClass('primary', 'sm')}>
        Sign up
      </Link>
    </>
  );
  // While the session is being restored, hold the space instead of flashing "Log in".
  const account = (inline: boolean) =>
    session ? (
      <UserMenu user={session.user} inline={inline} />
    ) : status === 'restoring' ? (
      <span className="inline-block h-8 w-32 animate-pulse rounded-full bg-slate-100" aria-hidden="true" />
    ) : (
      signedOut
    );

  return (
    <header className="sticky top-0 z-40 border-b border-slate-200/80 bg-white/90 backdrop-blur">
      <Container className="flex h-16 items-center justify-between gap-4">
        <Link
          to="/"
          className="flex items-center gap-2 rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600"
        >
          <LogoMark />
          <span className="text-lg font-bold tracking-tight text-slate-900">MySpace 2.0</span>
        </Link>

        <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
          {links}
          <span className="mx-2 h-6 w-px bg-slate-200" aria-hidden="true" />
          {account(false)}
        </nav>

        <button
          ref={toggle}
          type="button"
          className="inline-flex items-center justify-center rounded-md p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 md:hidden"
          aria-expanded={open}
          aria-controls="mobile-menu"
          onClick={() => setOpen((v) => !v)}
        >
          <span className="sr-only">{open ? 'Close menu' : 'Open menu'}</span>
          <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
            {open ? <path strokeLinecap="round" d="M6 6l12 12M18 6L6 18" /> : <path strokeLinecap="round" d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
        </button>
      </Container>

      {open && (
        <nav id="mobile-menu" aria-label="Main" className="border-t border-slate-200 bg-white md:hidden">
          <Container className="flex flex-col items-stretch gap-1 py-3">{links}{account(true)}</Container>
        </nav>
      )}
    </header>
  );
}

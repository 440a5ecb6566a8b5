import { Link } from 'react-router';
import { hireLink, takesWork } from '../features/auth/accountKinds';
import { useAuthState } from '../features/auth/AuthContext';
import type { Session } from '../features/auth/authStore';
import { Container } from '../ui/Container';
import { LogoMark } from '../ui/Logo';

interface Column {
  title: string;
  links: Array<{ to: string; label: string }>;
}

/** The footer's links: signing up and in for visitors; their own pages for someone signed in. */
export function footerColumns(session: Session | null): Column[] {
  const user = session?.user ?? null;
  const hire = hireLink(user, session !== null);
  if (!session) {
    return [
      {
        title: 'For talent',
        links: [
          { to: '/jobs', label: 'Find work' },
          { to: '/register?as=FREELANCER', label: 'Join as a freelancer' },
          { to: '/register?as=AGENCY', label: 'Join as an agency' },
        ],
      },
      {
        title: 'For hiring',
        links: [
          { to: '/register?as=CLIENT', label: 'Post a job' },
          { to: '/register?as=COMPANY', label: 'Hire as a company' },
          { to: '/#how-it-works', label: 'How escrow works' },
        ],
      },
      {
        title: 'Account',
        links: [
          { to: '/login', label: 'Log in' },
          { to: '/register', label: 'Sign up' },
        ],
      },
    ];
  }
  const profile = user?.username ? [{ to: `/u/${encodeURIComponent(user.username)}`, label: 'Your public profile' }] : [];
  return [
    { title: 'For talent', links: [{ to: '/jobs', label: 'Find work' }, ...(takesWork(user?.accountType) ? profile : [])] },
    {
      title: 'For hiring',
      links: [...(hire ? [{ to: hire, label: 'Post a job' }] : []), { to: '/#how-it-works', label: 'How escrow works' }],
    },
    {
      title: 'Account',
      links: [
        { to: '/dashboard', label: 'Dashboard' },
        { to: '/settings/profile', label: 'Edit profile' },
        { to: '/settings/security', label: 'Security settings' },
      ],
    },
  ];
}

export function Footer() {
  const { session, status } = useAuthState();
  // While a session is being restored the visitor's links stay (the footer is far below; the header holds the space).
  const columns = footerColumns(status === 'restoring' ? null : session);
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <Container className="grid gap-10 py-12 md:grid-cols-4">
        <div>
          <div className="flex items-center gap-2">
            <LogoMark className="h-7 w-7" />
            <span className="font-bold text-slate-900">MySpace 2.0</span>
          </div>
          <p className="mt-3 text-sm text-slate-600">
            The freelance marketplace where clients, companies and agencies hire — and every payment is protected by escrow.
          </p>
        </div>
        {columns.map((col) => (
          <nav key={col.title} aria-label={col.title}>
            <h2 className="text-sm font-semibold text-slate-900">{col.title}</h2>
            <ul className="mt-3 space-y-2">
              {col.links.map((l) => (
                <li key={l.label}>
                  <Link
                    to={l.to}
                    className="rounded text-sm text-slate-600 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  >
                    {l.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </Container>
      <div className="border-t border-slate-200">
        <Container className="flex flex-col gap-2 py-6 text-xs text-slate-600 sm:flex-row sm:items-center sm:justify-between">
          <p>© {new Date().getFullYear()} MySpace 2.0. All rights reserved.</p>
          <p>Payments are held in escrow until work is approved.</p>
        </Container>
      </div>
    </footer>
  );
}

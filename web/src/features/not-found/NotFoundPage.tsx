import { Link, useLocation } from 'react-router';
import { buttonClass } from '../../ui/buttonStyles';
import { Container } from '../../ui/Container';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  const { pathname } = useLocation();
  return (
    <Container className="flex flex-col items-center py-24 text-center sm:py-32">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Page not found</h1>
      <p className="mt-4 max-w-md text-slate-600">
        There is nothing at <code className="rounded bg-slate-100 px-1.5 py-0.5 text-sm text-slate-800">{pathname}</code>. It may
        have moved, or the link may be wrong.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link to="/" className={buttonClass('primary', 'md')}>
          Back to home
        </Link>
        <Link to="/jobs" className={buttonClass('secondary', 'md')}>
          Browse jobs
        </Link>
      </div>
    </Container>
  );
}

import { useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Link } from 'react-router';
import { hireLink } from '../auth/accountKinds';
import { useSession } from '../auth/AuthContext';
import { Button } from '../../ui/Button';
import { buttonClass } from '../../ui/buttonStyles';
import { JobCard, JobCardSkeleton } from './JobCard';
import { LATEST_JOBS, sortNewestFirst, type JobSummary } from './graphql';

interface JobsFeedProps {
  /** Show at most this many (newest first). */
  limit?: number;
  /** Client-side narrowing of what the gateway returned. */
  filter?: (job: JobSummary) => boolean;
  skeletons?: number;
  /** The level of the cards' and states' headings: 3 under a section's h2, 2 under the page's h1. */
  headingLevel?: 2 | 3;
}

/**
 * The jobs query with its four states: loading skeletons, a friendly error
 * when the gateway is unreachable, an empty state and the list itself. The
 * rest of the page never depends on this succeeding.
 */
export function JobsFeed({ limit, filter, skeletons = 3, headingLevel = 3 }: JobsFeedProps) {
  const { data, loading, error, refetch } = useQuery(LATEST_JOBS, { notifyOnNetworkStatusChange: true });
  const session = useSession();
  const hire = hireLink(session?.user, session !== null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  if (loading && !data) {
    return (
      <div role="status" aria-live="polite" data-testid="jobs-loading">
        <span className="sr-only">Loading jobs…</span>
        <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: skeletons }, (_, i) => (
            <JobCardSkeleton key={i} />
          ))}
        </div>
      </div>
    );
  }

  if (error && !data) {
    const graphQLProblem = CombinedGraphQLErrors.is(error);
    return (
      <div
        role="alert"
        data-testid="jobs-error"
        className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-slate-50 px-6 py-12 text-center"
      >
        <svg viewBox="0 0 24 24" className="h-10 w-10 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
          <path strokeLinecap="round" strokeLinejoin="round" d="M3 3l18 18M8.5 8.6A5 5 0 0 0 7 12.5M12 19.5h.01M5 9.6a9.5 9.5 0 0 1 2-1.6m3.3-1.4A9.5 9.5 0 0 1 19 9.6M16.5 13.5a5 5 0 0 0-2.3-1.8" />
        </svg>
        <Heading className="mt-4 text-base font-semibold text-slate-900">We can’t load jobs right now</Heading>
        <p className="mt-1 max-w-md text-sm text-slate-600">
          {graphQLProblem
            ? 'The job board had trouble answering. Please try again in a moment.'
            : 'The job board is unreachable at the moment. Everything else still works — try again shortly.'}
        </p>
        <Button variant="secondary" className="mt-5" onClick={() => void refetch().catch(() => undefined)} disabled={loading}>
          {loading ? 'Retrying…' : 'Try again'}
        </Button>
      </div>
    );
  }

  let jobs = sortNewestFirst(data?.jobs ?? []);
  if (filter) jobs = jobs.filter(filter);
  if (limit !== undefined) jobs = jobs.slice(0, limit);

  if (jobs.length === 0) {
    return (
      <div
        data-testid="jobs-empty"
        className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-slate-50 px-6 py-12 text-center"
      >
        <svg viewBox="0 0 24 24" className="h-10 w-10 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
          <path strokeLinecap="round" strokeLinejoin="round" d="M20 7H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h16a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1zM16 7V5a2 2 0 0 0-2-2h-4a2 2 0 0 0-2 2v2" />
        </svg>
        <Heading className="mt-4 text-base font-semibold text-slate-900">
          {filter && (data?.jobs.length ?? 0) > 0 ? 'No jobs match your search' : 'No jobs posted yet'}
        </Heading>
        <p className="mt-1 max-w-md text-sm text-slate-600">
          {hire
            ? 'Be the first: post a job and start receiving proposals from freelancers and agencies.'
            : 'New jobs show here as soon as clients post them.'}
        </p>
        {hire && (
          <Link to={hire} className={buttonClass('primary', 'md', 'mt-5')}>
            Post a job
          </Link>
        )}
      </div>
    );
  }

  return (
    <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3" data-testid="jobs-list">
      {jobs.map((job) => (
        <li key={job.id}>
          <JobCard job={job} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

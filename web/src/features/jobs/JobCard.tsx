import { Badge } from '../../ui/Badge';
import { Skeleton } from '../../ui/Skeleton';
import { formatDate, formatRelativeTime } from '../../lib/dates';
import { formatBudgetRange } from '../../lib/money';
import type { JobSummary } from './graphql';
import { jobStatus } from './status';

const MAX_SKILLS = 5;

/** `headingLevel`: 3 under a section's h2 (the landing page), 2 directly under the page's h1 (/jobs). */
export function JobCard({ job, now, headingLevel = 3 }: { job: JobSummary; now?: Date; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const status = jobStatus(job.status);
  const budget = formatBudgetRange(job.budgetMin, job.budgetMax);
  const posted = formatRelativeTime(job.createdAt, now);
  const skills = job.skillsRequired ?? [];
  const shown = skills.slice(0, MAX_SKILLS);
  const titleId = `job-${job.id}-title`;

  return (
    <article
      data-testid="job-card"
      aria-labelledby={titleId}
      className="flex h-full flex-col rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-indigo-200 hover:shadow-md"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={status.tone}>{status.label}</Badge>
        {job.category && <Badge tone="indigo">{job.category}</Badge>}
      </div>

      <Heading id={titleId} className="mt-3 text-lg font-semibold leading-snug text-slate-900">
        {job.title}
      </Heading>
      <p className="mt-1 text-sm text-slate-600">
        {job.client?.displayName ? <>by {job.client.displayName}</> : 'Client'}
        {posted && (
          <>
            {' · '}
            <time dateTime={job.createdAt} title={formatDate(job.createdAt) ?? undefined}>
              {posted}
            </time>
          </>
        )}
      </p>

      <p className="mt-3 line-clamp-3 text-sm leading-relaxed text-slate-700">{job.description}</p>

      {shown.length > 0 && (
        <ul className="mt-4 flex flex-wrap gap-1.5" aria-label="Skills required">
          {shown.map((skill) => (
            <li key={skill} className="rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
              {skill}
            </li>
          ))}
          {skills.length > MAX_SKILLS && (
            <li className="rounded-md px-1 py-0.5 text-xs font-medium text-slate-600">+{skills.length - MAX_SKILLS} more</li>
          )}
        </ul>
      )}

      <div className="mt-auto pt-5">
        <div className="flex items-center justify-between border-t border-slate-100 pt-4">
          <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Budget</span>
          <span className="text-sm font-semibold text-slate-900" data-testid="job-budget">
            {budget ?? 'Open to proposals'}
          </span>
        </div>
      </div>
    </article>
  );
}

export function JobCardSkeleton() {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="job-card-skeleton">
      <div className="flex gap-2">
        <Skeleton className="h-5 w-14 rounded-full" />
        <Skeleton className="h-5 w-20 rounded-full" />
      </div>
      <Skeleton className="mt-4 h-5 w-3/4" />
      <Skeleton className="mt-2 h-4 w-1/3" />
      <div className="mt-4 space-y-2">
        <Skeleton className="h-3 w-full" />
        <Skeleton className="h-3 w-11/12" />
        <Skeleton className="h-3 w-2/3" />
      </div>
      <Skeleton className="mt-6 h-4 w-1/2" />
    </div>
  );
}

import { useState } from 'react';
import { Container } from '../../ui/Container';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { JobsFeed } from './JobsFeed';
import type { JobSummary } from './graphql';

function matches(job: JobSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return [job.title, job.description, job.category ?? '', ...(job.skillsRequired ?? [])].some((text) =>
    text.toLowerCase().includes(q),
  );
}

export function JobsPage() {
  useDocumentTitle('Find work');
  const [query, setQuery] = useState('');
  return (
    <div className="bg-slate-50 py-12 sm:py-16">
      <Container>
        <div className="flex flex-col gap-6 md:flex-row md:items-end md:justify-between">
          <div>
            <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Find work</h1>
            <p className="mt-2 max-w-2xl text-slate-600">
              Browse jobs posted by clients, companies and agencies. Send a proposal on the ones that fit your skills.
            </p>
          </div>
          <form role="search" className="w-full md:w-80" onSubmit={(e) => e.preventDefault()}>
            <label htmlFor="job-search" className="block text-sm font-medium text-slate-800">
              Search jobs
            </label>
            <input
              id="job-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Title, skill or category"
              className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-400 focus:outline-2 focus:outline-indigo-600"
            />
          </form>
        </div>
        <div className="mt-8">
          <JobsFeed skeletons={6} headingLevel={2} filter={query.trim() ? (job) => matches(job, query) : undefined} />
        </div>
      </Container>
    </div>
  );
}

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/render';
import { LATEST_JOBS, type JobSummary } from './graphql';
import { JobsPage } from './JobsPage';

const base: Omit<JobSummary, 'id' | 'title' | 'skillsRequired'> = {
  __typename: 'Job',
  description: 'Details',
  category: null,
  budgetMin: null,
  budgetMax: null,
  status: 'OPEN',
  createdAt: '2025-01-01T00:00:00Z',
  client: null,
};

const jobs: JobSummary[] = [
  { ...base, id: 'a', title: 'Rust backend', skillsRequired: ['Rust', 'PostgreSQL'] },
  { ...base, id: 'b', title: 'Landing page', skillsRequired: ['React'] },
];

describe('JobsPage', () => {
  it('lists all jobs and narrows them with the search box', async () => {
    const user = userEvent.setup();
    renderPage(<JobsPage />, { route: '/jobs', mocks: [{ request: { query: LATEST_JOBS }, result: { data: { jobs } } }] });

    expect(await screen.findAllByTestId('job-card')).toHaveLength(2);
    // Straight under the page's h1, the cards' titles are h2 (no skipped level).
    expect(screen.getByRole('heading', { level: 1, name: 'Find work' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Rust backend', 'Landing page']);
    expect(screen.queryAllByRole('heading', { level: 3 })).toEqual([]);
    // A job without budget says so instead of showing "$NaN".
    expect(screen.getAllByTestId('job-budget')[0]).toHaveTextContent('Open to proposals');

    await user.type(screen.getByRole('searchbox', { name: 'Search jobs' }), 'postgres');
    const cards = screen.getAllByTestId('job-card');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toHaveTextContent('Rust backend');

    await user.clear(screen.getByRole('searchbox', { name: 'Search jobs' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search jobs' }), 'cobol');
    expect(screen.getByTestId('jobs-empty')).toHaveTextContent('No jobs match your search');
  });
});

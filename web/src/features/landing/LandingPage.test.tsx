import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/render';
import { LATEST_JOBS, type JobSummary } from '../jobs/graphql';
import { LandingPage } from './LandingPage';

function job(overrides: Partial<JobSummary>): JobSummary {
  return {
    __typename: 'Job',
    id: 'job_1',
    title: 'Build a React dashboard',
    description: 'We need a dashboard for our sales team.',
    category: 'Web development',
    budgetMin: '1500.00',
    budgetMax: '3000.00',
    status: 'OPEN',
    skillsRequired: ['React', 'TypeScript'],
    createdAt: '2025-01-02T10:00:00Z',
    client: { __typename: 'User', id: 'usr_1', displayName: 'Acme Corp' },
    ...overrides,
  };
}

describe('LandingPage', () => {
  it('renders the static sections without waiting for the gateway', () => {
    renderPage(<LandingPage />, { mocks: [{ request: { query: LATEST_JOBS }, result: { data: { jobs: [] } }, delay: 50 }] });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/hire great talent/i);
    for (const name of ['Freelancer', 'Client', 'Company', 'Agency']) {
      expect(screen.getByRole('heading', { level: 3, name })).toBeInTheDocument();
    }
    for (const step of ['Post a job', 'Receive proposals', 'Hire with escrow', 'Talk in conversations']) {
      expect(screen.getByRole('heading', { level: 3, name: step })).toBeInTheDocument();
    }
    // While the query is in flight the jobs section shows skeletons.
    expect(screen.getByTestId('jobs-loading')).toBeInTheDocument();
    expect(screen.getAllByTestId('job-card-skeleton').length).toBeGreaterThan(0);
  });

  it('renders jobs from the gateway, newest first, with formatted budgets', async () => {
    const mocks = [
      {
        request: { query: LATEST_JOBS },
        result: {
          data: {
            jobs: [
              job({ id: 'job_old', title: 'Logo design', budgetMin: '0.10', budgetMax: null, createdAt: '2024-12-01T00:00:00Z' }),
              job({
                id: 'job_new',
                title: '<script>alert(1)</script> Mobile app',
                budgetMin: '1500.00',
                budgetMax: '12345678901234.50',
                createdAt: '2025-02-01T00:00:00Z',
                client: { __typename: 'User', id: 'usr_2', displayName: 'Globex' },
              }),
            ],
          },
        },
      },
    ];
    renderPage(<LandingPage />, { mocks });

    const section = screen.getByRole('region', { name: 'Latest jobs' });
    const cards = await within(section).findAllByTestId('job-card');
    expect(cards).toHaveLength(2);

    // Newest first; user-provided text is rendered as text, not markup.
    expect(within(cards[0]!).getByRole('heading', { level: 3 })).toHaveTextContent('<script>alert(1)</script> Mobile app');
    expect(document.querySelector('script')).toBeNull();
    expect(within(cards[0]!).getByText(/by Globex/)).toBeInTheDocument();
    expect(within(cards[0]!).getByTestId('job-budget')).toHaveTextContent('$1,500 – $12,345,678,901,234.50');
    expect(within(cards[1]!).getByTestId('job-budget')).toHaveTextContent('From $0.10');
    expect(within(cards[1]!).getByText('React')).toBeInTheDocument();
    expect(screen.queryByTestId('jobs-error')).not.toBeInTheDocument();
  });

  it('shows an empty state when there are no jobs', async () => {
    renderPage(<LandingPage />, { mocks: [{ request: { query: LATEST_JOBS }, result: { data: { jobs: [] } } }] });
    expect(await screen.findByTestId('jobs-empty')).toHaveTextContent(/no jobs posted yet/i);
    expect(screen.queryAllByTestId('job-card')).toHaveLength(0);
  });

  it('shows a friendly error state on a network error and keeps the page', async () => {
    renderPage(<LandingPage />, {
      mocks: [{ request: { query: LATEST_JOBS }, error: new TypeError('Failed to fetch') }],
    });
    const alert = await screen.findByTestId('jobs-error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(/can’t load jobs right now/i);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
    // The raw error is not shown to users.
    expect(alert).not.toHaveTextContent('Failed to fetch');
    // The rest of the page is still there.
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /four ways to work/i })).toBeInTheDocument();
    expect(screen.queryAllByTestId('job-card')).toHaveLength(0);
  });

  it('retries after an error and shows the jobs that arrive', async () => {
    const user = userEvent.setup();
    renderPage(<LandingPage />, {
      mocks: [
        { request: { query: LATEST_JOBS }, error: new TypeError('Failed to fetch') },
        { request: { query: LATEST_JOBS }, result: { data: { jobs: [job({})] } } },
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('job-card')).toHaveTextContent('Build a React dashboard');
    expect(screen.queryByTestId('jobs-error')).not.toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/render';
import { createAuthStore, type SessionUser } from '../auth/authStore';
import { MY_PROFILE } from '../profile/graphql';
import { ownProfile } from '../profile/fixtures';
import { DashboardPage, missingProfileItems } from './DashboardPage';

const signedIn = (user: SessionUser) => createAuthStore({ locks: null, sessionHint: null, initial: { accessToken: 'tok', user } });

describe('DashboardPage', () => {
  it('nudges a new client to complete the profile and puts hiring first', async () => {
    const profile = ownProfile({ accountType: 'CLIENT', displayName: 'Northwind Traders', username: 'northwind', profileCompletion: 25 });
    renderPage(<DashboardPage />, {
      auth: signedIn({ username: 'northwind', displayName: 'Northwind Traders', accountType: 'CLIENT' }),
      mocks: [{ request: { query: MY_PROFILE }, result: { data: { me: profile } } }],
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome back, Northwind Traders');
    const nudge = screen.getByTestId('profile-nudge');
    expect(await within(nudge).findByRole('progressbar', { name: 'Profile completion' })).toHaveAttribute('aria-valuenow', '25');
    expect(within(nudge).getByRole('link', { name: 'Complete your profile' })).toHaveAttribute('href', '/settings/profile');
    // A client is not asked for skills or an hourly rate.
    expect(within(nudge).getByTestId('profile-missing')).not.toHaveTextContent(/skills|hourly rate/i);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings[0]).toBe('Post a job');
    expect(headings).not.toContain('Find work');
  });

  it('points a freelancer at work and at what clients look for', () => {
    expect(missingProfileItems(ownProfile({ accountType: 'FREELANCER' }))).toEqual(
      expect.arrayContaining(['Your skills, so clients find you', 'Your hourly rate']),
    );
    expect(missingProfileItems(ownProfile({ headline: 'x', bio: 'y', skills: ['Rust'], hourlyRate: '40.00', country: 'DE', avatarUrl: 'https://x/a.png' }))).toEqual([]);
    renderPage(<DashboardPage />, { auth: signedIn({ displayName: 'Ada Okafor', accountType: 'FREELANCER' }) });
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toContain('Find work');
    expect(headings).not.toContain('Post a job');
  });
});

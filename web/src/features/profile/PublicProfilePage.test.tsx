import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/render';
import { PUBLIC_PROFILE, type PublicProfile } from './graphql';
import { PublicProfilePage } from './PublicProfilePage';

const html = '<img src=x onerror="window.__pwned=1"><b>bold</b>';

function profile(overrides: Partial<PublicProfile> = {}): PublicProfile {
  return {
    __typename: 'User',
    id: 'u2',
    username: 'mallory',
    displayName: `<script>alert("x")</script>Mallory`,
    accountType: 'FREELANCER',
    avatarUrl: 'javascript:alert(1)',
    profileCompletion: 100,
    createdAt: '2025-03-04T10:00:00Z',
    headline: '<h1>Hired!</h1>',
    bio: `Line one\n${html}`,
    skills: ['<i>Rust</i>', 'SQL \' OR 1=1 --'],
    hourlyRate: '1234567.80',
    country: 'DE',
    ...overrides,
  };
}

function renderProfile(username: string, result: { data: { userByUsername: PublicProfile | null } }) {
  return renderPage(<PublicProfilePage />, {
    route: `/u/${username}`,
    path: '/u/:username',
    mocks: [{ request: { query: PUBLIC_PROFILE, variables: { username } }, result }],
  });
}

describe('PublicProfilePage', () => {
  it('renders everything the member wrote as literal text', async () => {
    const { container } = renderProfile('mallory', { data: { userByUsername: profile() } });

    expect(await screen.findByRole('heading', { level: 1, name: '<script>alert("x")</script>Mallory' })).toBeInTheDocument();
    expect(screen.getByTestId('profile-headline')).toHaveTextContent('<h1>Hired!</h1>');
    expect(screen.getByTestId('profile-bio').textContent).toBe(`Line one\n${html}`);
    expect(screen.getByTestId('profile-skills')).toHaveTextContent("<i>Rust</i>SQL ' OR 1=1 --");
    // None of it became markup.
    expect(container.querySelector('script, b, i, h1 h1, [onerror]')).toBeNull();
    expect(container.querySelectorAll('h1')).toHaveLength(1);
    // A non-https avatar is never loaded; initials are shown instead.
    expect(container.querySelector('img')).toBeNull();
    // Public fields with their formatting; money stays exact.
    expect(screen.getByTestId('profile-rate')).toHaveTextContent('$1,234,567.80 / hour');
    expect(screen.getByText('Germany')).toBeInTheDocument();
    expect(screen.getByText('@mallory')).toBeInTheDocument();
  });

  it('shows a not-found state for an unknown username', async () => {
    renderProfile('nobody_here', { data: { userByUsername: null } });
    expect(await screen.findByTestId('public-profile-not-found')).toHaveTextContent('There is no member called @nobody_here.');
    expect(screen.queryByTestId('public-profile')).not.toBeInTheDocument();
  });

  it('says so when the gateway is unreachable', async () => {
    renderPage(<PublicProfilePage />, {
      route: '/u/jane',
      path: '/u/:username',
      mocks: [{ request: { query: PUBLIC_PROFILE, variables: { username: 'jane' } }, error: new TypeError('Failed to fetch') }],
    });
    expect(await screen.findByTestId('public-profile-error')).toHaveTextContent(/can’t load this profile/);
  });
});

import type { OwnProfile } from './graphql';

/** A complete own profile as the gateway returns it. */
export function ownProfile(overrides: Partial<OwnProfile> = {}): OwnProfile {
  return {
    __typename: 'User',
    id: 'u1',
    username: 'jane',
    displayName: 'Jane Doe',
    accountType: 'FREELANCER',
    avatarUrl: null,
    profileCompletion: 25,
    createdAt: '2025-03-04T10:00:00Z',
    headline: null,
    bio: null,
    skills: [],
    hourlyRate: null,
    country: null,
    email: 'jane@example.com',
    ...overrides,
  };
}

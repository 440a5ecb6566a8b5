import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AccountType } from '../auth/authStore';

/** Fields anyone may see. Money is a decimal string ("45.00"); country an ISO 3166-1 alpha-2 code. */
export interface PublicProfile {
  __typename?: 'User';
  id: string;
  username: string;
  displayName: string;
  accountType: AccountType;
  avatarUrl: string | null;
  profileCompletion: number;
  createdAt: string;
  headline: string | null;
  bio: string | null;
  skills: string[];
  hourlyRate: string | null;
  country: string | null;
}

/** The signed-in user's own profile; `email` is only ever given to its owner. */
export interface OwnProfile extends PublicProfile {
  email: string | null;
}

export interface UpdateProfileInput {
  displayName?: string;
  headline?: string | null;
  bio?: string | null;
  skills?: string[];
  hourlyRate?: string | null;
  country?: string | null;
  avatarUrl?: string | null;
}

const PUBLIC_FIELDS = gql`
  fragment PublicProfileFields on User {
    id
    username
    displayName
    accountType
    avatarUrl
    profileCompletion
    createdAt
    headline
    bio
    skills
    hourlyRate
    country
  }
`;

export const MY_PROFILE: TypedDocumentNode<{ me: OwnProfile | null }, Record<string, never>> = gql`
  query MyProfile {
    me {
      ...PublicProfileFields
      email
    }
  }
  ${PUBLIC_FIELDS}
`;

export const UPDATE_PROFILE: TypedDocumentNode<{ updateProfile: OwnProfile }, { input: UpdateProfileInput }> = gql`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      ...PublicProfileFields
      email
    }
  }
  ${PUBLIC_FIELDS}
`;

export const PUBLIC_PROFILE: TypedDocumentNode<{ userByUsername: PublicProfile | null }, { username: string }> = gql`
  query PublicProfile($username: String!) {
    userByUsername(username: $username) {
      ...PublicProfileFields
    }
  }
  ${PUBLIC_FIELDS}
`;

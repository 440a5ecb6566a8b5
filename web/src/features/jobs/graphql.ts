import { gql, type TypedDocumentNode } from '@apollo/client';

/** Money is a decimal string ("1500.00"); DateTime an ISO-8601 string; ids are opaque. */
export interface JobSummary {
  __typename?: 'Job';
  id: string;
  title: string;
  description: string;
  category: string | null;
  budgetMin: string | null;
  budgetMax: string | null;
  status: string;
  skillsRequired: string[];
  createdAt: string;
  client: { __typename?: 'User'; id: string; displayName: string | null } | null;
}

export interface LatestJobsData {
  jobs: JobSummary[];
}

export const LATEST_JOBS: TypedDocumentNode<LatestJobsData, Record<string, never>> = gql`
  query LatestJobs {
    jobs {
      id
      title
      description
      category
      budgetMin
      budgetMax
      status
      skillsRequired
      createdAt
      client {
        id
        displayName
      }
    }
  }
`;

/** Newest first; jobs whose date does not parse go last, keeping server order. */
export function sortNewestFirst(jobs: readonly JobSummary[]): JobSummary[] {
  const time = (j: JobSummary) => {
    const t = Date.parse(j.createdAt);
    return Number.isNaN(t) ? -Infinity : t;
  };
  return [...jobs].sort((a, b) => time(b) - time(a));
}

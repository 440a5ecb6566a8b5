// What each kind of account does on the marketplace, for choosing where links
// lead. Clients, companies and agencies post jobs and hire; freelancers and
// agencies send proposals.

import type { AccountType, SessionUser } from './authStore';

export function canHire(type: AccountType | undefined | null): boolean {
  return type === 'CLIENT' || type === 'COMPANY' || type === 'AGENCY';
}

export function takesWork(type: AccountType | undefined | null): boolean {
  return type === 'FREELANCER' || type === 'AGENCY';
}

/** Where a signed-in person starts: after signing up, or logging in with no ?next=. */
export const HOME_PATH = '/dashboard';

/**
 * Where "Post a job" / "Hire talent" leads: signing up as a client for a
 * visitor; the dashboard's hiring section for someone who can hire; null for
 * a signed-in account that cannot (a freelancer), where the link is left out.
 */
export function hireLink(user: SessionUser | null | undefined, signedIn: boolean): string | null {
  if (!signedIn) return '/register?as=CLIENT';
  // A session whose account type is not known yet (an old refresh answer) still gets somewhere useful.
  if (!user?.accountType || canHire(user.accountType)) return `${HOME_PATH}#post-a-job`;
  return null;
}

import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { buttonClass } from '../../ui/buttonStyles';
import { Container } from '../../ui/Container';
import { Skeleton } from '../../ui/Skeleton';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { canHire, takesWork } from '../auth/accountKinds';
import { useSession } from '../auth/AuthContext';
import type { AccountType } from '../auth/authStore';
import { CompletionMeter } from '../profile/CompletionMeter';
import { MY_PROFILE, type OwnProfile } from '../profile/graphql';

/** What a profile still lacks, in the order worth doing it, for this kind of account. */
export function missingProfileItems(profile: OwnProfile): string[] {
  const items: string[] = [];
  const works = takesWork(profile.accountType);
  if (!profile.headline) items.push(works ? 'A headline saying what you do best' : 'A headline saying who you are and what you hire for');
  if (!profile.bio) items.push(works ? 'A short bio: your experience and how you work' : 'A short bio, so freelancers know whom they would work with');
  if (works && profile.skills.length === 0) items.push('Your skills, so clients find you');
  if (works && !profile.hourlyRate) items.push('Your hourly rate');
  if (!profile.country) items.push('Your country');
  if (!profile.avatarUrl) items.push('A photo');
  return items;
}

const intro: Record<AccountType, string> = {
  CLIENT: 'Post jobs, compare proposals and pay through escrow only for approved work.',
  COMPANY: 'Hire for your team, fund work from one wallet and keep every conversation on record.',
  AGENCY: 'Bid on projects as a team, and bring in help by posting jobs of your own.',
  FREELANCER: 'Find jobs that fit your skills, send proposals and get paid from escrow.',
};

function ProfileNudge({ welcome }: { welcome: boolean }) {
  const { data, loading, error } = useQuery(MY_PROFILE, { fetchPolicy: 'cache-and-network' });
  const profile = data?.me ?? null;

  if (!profile) {
    if (loading) {
      return (
        <div role="status" aria-live="polite" className="space-y-3">
          <span className="sr-only">Loading your profile…</span>
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-2 w-full" />
        </div>
      );
    }
    return (
      <>
        <p className="text-sm text-slate-700">
          {error ? 'We could not load your profile just now. ' : ''}A complete profile — headline, bio and photo — is what people
          decide on.
        </p>
        <Link to="/settings/profile" className={buttonClass('primary', 'md', 'mt-5')}>
          Complete your profile
        </Link>
      </>
    );
  }

  const missing = missingProfileItems(profile);
  if (missing.length === 0 && profile.profileCompletion >= 100) {
    return (
      <>
        <CompletionMeter value={profile.profileCompletion} />
        <p className="mt-4 text-sm text-slate-700">Your profile is complete. Keep it current as your work changes.</p>
        <Link to={`/u/${encodeURIComponent(profile.username)}`} className={buttonClass('secondary', 'md', 'mt-5')}>
          View your public profile
        </Link>
      </>
    );
  }
  return (
    <>
      <CompletionMeter value={profile.profileCompletion} />
      <p className="mt-4 text-sm text-slate-700">
        {welcome ? 'Your account is ready. ' : ''}
        {takesWork(profile.accountType)
          ? 'Clients hire from profiles: a complete one gets more replies to your proposals.'
          : 'Freelancers choose which jobs to answer from who posts them: a complete profile gets more and better proposals.'}{' '}
        Still missing:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="profile-missing">
        {missing.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <Link to="/settings/profile" className={buttonClass('primary', 'md', 'mt-5')}>
        Complete your profile
      </Link>
    </>
  );
}

function Card({ id, title, children, action }: { id?: string; title: string; children: ReactNode; action: ReactNode }) {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z]+/g, '-')}-heading`;
  return (
    <li id={id} className="flex flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm scroll-mt-24">
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {title}
      </h3>
      <div className="mt-2 flex-1 text-sm text-slate-700">{children}</div>
      <div className="mt-5">{action}</div>
    </li>
  );
}

/** Where a signed-in person starts: a profile-completion nudge and the next steps for their kind of account. */
export function DashboardPage() {
  useDocumentTitle('Your dashboard');
  const session = useSession();
  const welcome = Boolean((useLocation().state as { welcome?: boolean } | null)?.welcome);
  const user = session?.user ?? null;
  // The whole name: a company's or an agency's first word is no first name.
  const name = user?.displayName?.trim() || null;
  const type = user?.accountType;
  const hires = !type || canHire(type);
  const works = takesWork(type);

  return (
    <div className="bg-slate-50 py-10 sm:py-14">
      <Container>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
          {welcome ? 'Welcome to MySpace 2.0' : 'Welcome back'}
          {name ? `, ${name}` : ''}
        </h1>
        {type && <p className="mt-2 max-w-2xl text-slate-600">{intro[type]}</p>}

        <section aria-labelledby="profile-nudge-heading" className="mt-8 rounded-2xl border border-indigo-200 bg-white p-6 shadow-sm sm:p-8" data-testid="profile-nudge">
          <h2 id="profile-nudge-heading" className="text-lg font-semibold text-slate-900">
            Complete your profile
          </h2>
          <div className="mt-4 max-w-xl">
            <ProfileNudge welcome={welcome} />
          </div>
        </section>

        <section aria-labelledby="next-steps-heading" className="mt-10">
          <h2 id="next-steps-heading" className="text-lg font-semibold text-slate-900">
            Next steps
          </h2>
          <ul className="mt-4 grid gap-6 md:grid-cols-2">
            {hires && (
              <Card
                id="post-a-job"
                title="Post a job"
                action={
                  <Link to="/jobs" className={buttonClass('secondary', 'md')}>
                    See what others post
                  </Link>
                }
              >
                Posting jobs opens here soon: you will describe the work, the skills it needs and your budget, and freelancers and
                agencies answer with proposals. Until then, a complete profile is the best preparation.
              </Card>
            )}
            {works && (
              <Card
                title="Find work"
                action={
                  <Link to="/jobs" className={buttonClass('primary', 'md')}>
                    Browse open jobs
                  </Link>
                }
              >
                Jobs from clients, companies and agencies, newest first. Send a proposal on the ones that fit your skills.
              </Card>
            )}
            {user?.username && (
              <Card
                title="Your public profile"
                action={
                  <Link to={`/u/${encodeURIComponent(user.username)}`} className={buttonClass('secondary', 'md')}>
                    View as others see it
                  </Link>
                }
              >
                What {works ? 'clients' : 'freelancers'} see when they look you up.
              </Card>
            )}
            <Card
              title="Keep your account safe"
              action={
                <Link to="/settings/security" className={buttonClass('secondary', 'md')}>
                  Security settings
                </Link>
              }
            >
              Change your password, and log out on every device if you ever need to.
            </Card>
          </ul>
        </section>
      </Container>
    </div>
  );
}

import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { countryName } from '../../lib/countries';
import { formatDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { buttonClass } from '../../ui/buttonStyles';
import { Container } from '../../ui/Container';
import { Skeleton } from '../../ui/Skeleton';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSession } from '../auth/AuthContext';
import { ACCOUNT_TYPES } from '../auth/validation';
import { Avatar } from './Avatar';
import { PUBLIC_PROFILE, type PublicProfile } from './graphql';
import { StateCard } from './StateCard';

/** /u/:username — a member's public profile. Everything the member wrote is rendered as text. */
export function PublicProfilePage() {
  const { username = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PUBLIC_PROFILE, {
    variables: { username },
    notifyOnNetworkStatusChange: true,
  });
  const user = data?.userByUsername;
  useDocumentTitle(user ? `${user.displayName} (@${user.username})` : loading ? 'Profile' : 'Profile not found');

  let body;
  if (loading && !data) {
    body = <ProfileSkeleton />;
  } else if (error && !data) {
    body = (
      <StateCard
        role="alert"
        testId="public-profile-error"
        title="We can’t load this profile right now"
        action={
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)} disabled={loading}>
            {loading ? 'Retrying…' : 'Try again'}
          </Button>
        }
      >
        The marketplace is unreachable at the moment. Please try again shortly.
      </StateCard>
    );
  } else if (!user) {
    body = (
      <StateCard
        testId="public-profile-not-found"
        title="No one here by that name"
        action={
          <>
            <Link to="/jobs" className={buttonClass('primary')}>
              Browse jobs
            </Link>
            <Link to="/" className={buttonClass('secondary')}>
              Back to home
            </Link>
          </>
        }
      >
        <p>
          There is no member called <span className="font-medium text-slate-800">@{username}</span>. The username may be mistyped, or the
          account may have been closed.
        </p>
      </StateCard>
    );
  } else {
    body = <ProfileView user={user} />;
  }

  return (
    <div className="bg-slate-50 py-10 sm:py-14">
      <Container className="max-w-4xl">{body}</Container>
    </div>
  );
}

function ProfileView({ user }: { user: PublicProfile }) {
  const session = useSession();
  const own = session?.user?.id === user.id || (!!session?.user?.username && session.user.username === user.username);
  const accountType = ACCOUNT_TYPES.find((t) => t.value === user.accountType)?.label ?? user.accountType;
  const rate = user.hourlyRate ? formatMoney(user.hourlyRate) : null;
  const joined = formatDate(user.createdAt);

  return (
    <article aria-labelledby="profile-name" className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm" data-testid="public-profile">
      <div className="h-28 bg-gradient-to-r from-indigo-600 via-indigo-500 to-sky-500" aria-hidden="true" />
      <div className="px-6 pb-8 sm:px-10">
        <div className="-mt-12 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <Avatar name={user.displayName} url={user.avatarUrl} size="lg" className="ring-4 ring-white" />
          {own && (
            <Link to="/settings/profile" className={buttonClass('secondary', 'sm', 'self-start sm:self-end')}>
              Edit profile
            </Link>
          )}
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <h1 id="profile-name" className="text-2xl font-bold tracking-tight text-slate-900">
            {user.displayName}
          </h1>
          <Badge tone="indigo">{accountType}</Badge>
        </div>
        <p className="text-sm text-slate-500">@{user.username}</p>
        {user.headline && (
          <p className="mt-3 text-lg text-slate-800" data-testid="profile-headline">
            {user.headline}
          </p>
        )}

        <dl className="mt-6 grid gap-4 border-y border-slate-100 py-5 sm:grid-cols-3">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Hourly rate</dt>
            <dd className="mt-1 font-semibold text-slate-900" data-testid="profile-rate">
              {rate ? <>{rate}<span className="font-normal text-slate-500"> / hour</span></> : <span className="font-normal text-slate-500">Not set</span>}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Location</dt>
            <dd className="mt-1 font-semibold text-slate-900">
              {user.country ? countryName(user.country) : <span className="font-normal text-slate-500">Not set</span>}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Member since</dt>
            <dd className="mt-1 font-semibold text-slate-900">{joined ?? '—'}</dd>
          </div>
        </dl>

        <section aria-labelledby="about-heading" className="mt-6">
          <h2 id="about-heading" className="text-base font-semibold text-slate-900">
            About
          </h2>
          {user.bio ? (
            <p className="mt-2 whitespace-pre-line break-words text-slate-700" data-testid="profile-bio">
              {user.bio}
            </p>
          ) : (
            <p className="mt-2 text-sm text-slate-500">{user.displayName} has not written a bio yet.</p>
          )}
        </section>

        <section aria-labelledby="skills-heading" className="mt-6">
          <h2 id="skills-heading" className="text-base font-semibold text-slate-900">
            Skills
          </h2>
          {user.skills.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2" aria-labelledby="skills-heading" data-testid="profile-skills">
              {user.skills.map((skill, i) => (
                <li key={`${skill}-${i}`}>
                  <Badge>{skill}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-500">No skills listed yet.</p>
          )}
        </section>
      </div>
    </article>
  );
}

function ProfileSkeleton() {
  return (
    <div role="status" aria-live="polite" className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
      <span className="sr-only">Loading profile…</span>
      <div className="h-28 bg-slate-200" />
      <div className="px-10 pb-8">
        <Skeleton className="-mt-12 h-24 w-24 rounded-full" />
        <Skeleton className="mt-4 h-7 w-64" />
        <Skeleton className="mt-2 h-4 w-32" />
        <Skeleton className="mt-6 h-16 w-full" />
      </div>
    </div>
  );
}

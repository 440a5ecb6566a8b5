import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { countryOptions } from '../../lib/countries';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { buttonClass } from '../../ui/buttonStyles';
import { SelectField } from '../../ui/SelectField';
import { Skeleton } from '../../ui/Skeleton';
import { TagInput } from '../../ui/TagInput';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuthStore } from '../auth/AuthContext';
import { useForm } from '../auth/useForm';
import { ACCOUNT_TYPES } from '../auth/validation';
import { Section } from '../settings/Section';
import { Avatar } from './Avatar';
import { CompletionMeter } from './CompletionMeter';
import { describeGatewayError } from './errors';
import { MY_PROFILE, UPDATE_PROFILE, type OwnProfile, type UpdateProfileInput } from './graphql';
import { StateCard } from './StateCard';
import {
  MAX_BIO_LENGTH,
  MAX_HEADLINE_LENGTH,
  MAX_SKILLS,
  validateAvatarUrl,
  validateBio,
  validateCountry,
  validateDisplayName,
  validateHeadline,
  validateHourlyRate,
  validateSkill,
} from './validation';

type Field = 'displayName' | 'headline' | 'bio' | 'hourlyRate' | 'country' | 'avatarUrl';

const validators: Record<Field, (value: string) => string | null> = {
  displayName: validateDisplayName,
  headline: validateHeadline,
  bio: validateBio,
  hourlyRate: validateHourlyRate,
  country: validateCountry,
  avatarUrl: validateAvatarUrl,
};

/** Labels for fields the server may name in its errors (skills included). */
const labels: Record<Field | 'skills', string> = {
  displayName: 'Display name',
  headline: 'Headline',
  bio: 'Bio',
  hourlyRate: 'Hourly rate',
  country: 'Country',
  avatarUrl: 'Avatar URL',
  skills: 'Skills',
};

function formValues(profile: OwnProfile): Record<Field, string> {
  return {
    displayName: profile.displayName,
    headline: profile.headline ?? '',
    bio: profile.bio ?? '',
    hourlyRate: profile.hourlyRate ?? '',
    country: profile.country ?? '',
    avatarUrl: profile.avatarUrl ?? '',
  };
}

/** Empty optional fields are sent as null, which clears them. */
export function toInput(values: Record<Field, string>, skills: readonly string[]): UpdateProfileInput {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    displayName: values.displayName.trim(),
    headline: orNull(values.headline),
    bio: values.bio.trim() === '' ? null : values.bio.replace(/\s+$/, ''),
    skills: [...skills],
    hourlyRate: orNull(values.hourlyRate),
    country: values.country === '' ? null : values.country,
    avatarUrl: orNull(values.avatarUrl),
  };
}

export function ProfileEditPage() {
  useDocumentTitle('Edit profile');
  const { data, loading, error, refetch } = useQuery(MY_PROFILE, { fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true });

  if (loading && !data) return <ProfileFormSkeleton />;
  if (error && !data) {
    return (
      <StateCard
        role="alert"
        testId="profile-error"
        title="We can’t load your profile right now"
        action={
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)} disabled={loading}>
            {loading ? 'Retrying…' : 'Try again'}
          </Button>
        }
      >
        The profile service is unreachable at the moment. Your account is fine — please try again shortly.
      </StateCard>
    );
  }
  if (!data?.me) {
    return (
      <StateCard role="alert" title="Your session has ended" action={<Link to="/login?next=%2Fsettings%2Fprofile" className={buttonClass('primary')}>Log in again</Link>}>
        Please log in again to edit your profile.
      </StateCard>
    );
  }
  return <ProfileForm key={data.me.id} profile={data.me} />;
}

function ProfileForm({ profile }: { profile: OwnProfile }) {
  const auth = useAuthStore();
  const form = useForm(formValues(profile), validators);
  const [skills, setSkills] = useState<string[]>(profile.skills);
  const [skillsError, setSkillsError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [updateProfile, { loading: saving }] = useMutation(UPDATE_PROFILE);
  const countries = useMemo(() => countryOptions(navigator.language).map((c) => ({ value: c.code, label: c.name })), []);
  const accountType = ACCOUNT_TYPES.find((t) => t.value === profile.accountType)?.label ?? profile.accountType;

  function edit(field: Field, value: string) {
    form.setValue(field, value);
    setSaved(false);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const invalid = form.validateAll();
    if (invalid) {
      formElement.querySelector<HTMLElement>(`[name="${invalid}"]`)?.focus();
      return;
    }
    setFormError(null);
    setSkillsError(null);
    form.clearServerErrors();
    setSaved(false);
    try {
      const result = await updateProfile({ variables: { input: toInput(form.values, skills) } });
      const updated = result.data?.updateProfile;
      if (updated) {
        form.setAll(formValues(updated));
        setSkills(updated.skills);
        auth.updateUser({ displayName: updated.displayName, username: updated.username });
      }
      setSaved(true);
    } catch (error) {
      const problem = describeGatewayError(error, labels);
      let first: string | null = null;
      for (const [field, message] of Object.entries(problem.fields) as Array<[Field | 'skills', string]>) {
        if (field === 'skills') setSkillsError(message);
        else form.setServerError(field, message);
        first ??= field;
      }
      setFormError(problem.form ?? (first ? 'Please correct the highlighted fields.' : null));
      if (first) formElement.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    }
  }

  return (
    <div className="space-y-6">
      <section aria-label="Profile summary" className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex flex-col gap-6 sm:flex-row sm:items-center">
          <Avatar name={profile.displayName} url={profile.avatarUrl} size="lg" />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <p className="truncate text-xl font-semibold text-slate-900">{profile.displayName}</p>
              <Badge tone="indigo">{accountType}</Badge>
            </div>
            <p className="text-sm text-slate-600">@{profile.username}{profile.email ? <> · {profile.email}</> : null}</p>
            <div className="mt-4 max-w-md">
              <CompletionMeter value={profile.profileCompletion} />
            </div>
          </div>
          <Link to={`/u/${encodeURIComponent(profile.username)}`} className={buttonClass('secondary', 'md', 'self-start sm:self-center')}>
            View public profile
          </Link>
        </div>
      </section>

      <form noValidate aria-label="Edit profile" onSubmit={onSubmit} className="space-y-6">
        <Section id="basics-heading" title="The basics" description="Your name and a one-line summary appear on your public profile and next to your proposals.">
          <div className="space-y-5">
            <TextField
              label="Display name"
              name="displayName"
              autoComplete="name"
              required
              value={form.values.displayName}
              error={form.errors.displayName}
              onChange={(e) => edit('displayName', e.target.value)}
            />
            <TextField
              label="Headline"
              name="headline"
              placeholder="e.g. Senior React developer and design-system builder"
              hint={`Up to ${MAX_HEADLINE_LENGTH} characters.`}
              value={form.values.headline}
              error={form.errors.headline}
              onChange={(e) => edit('headline', e.target.value)}
            />
            <TextArea
              label="Bio"
              name="bio"
              rows={6}
              placeholder="What you do, who you have done it for, and how you like to work."
              hint={`${[...form.values.bio].length}/${MAX_BIO_LENGTH} characters. Shown as plain text; line breaks are kept.`}
              value={form.values.bio}
              error={form.errors.bio}
              onChange={(e) => edit('bio', e.target.value)}
            />
          </div>
        </Section>

        <Section id="work-heading" title="Work" description="Help clients find you: what you are good at, your rate and where you are.">
          <div className="space-y-5">
            <TagInput
              label="Skills"
              name="skills"
              tags={skills}
              onChange={(next) => {
                setSkills(next);
                setSkillsError(null);
                setSaved(false);
              }}
              validate={validateSkill}
              error={skillsError}
              placeholder="Type a skill and press Enter"
              hint={`Press Enter or comma to add. Up to ${MAX_SKILLS}.`}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                label="Hourly rate (USD)"
                name="hourlyRate"
                inputMode="decimal"
                placeholder="45.00"
                adornment="$"
                hint="Leave empty if you quote per project."
                value={form.values.hourlyRate}
                error={form.errors.hourlyRate}
                onChange={(e) => edit('hourlyRate', e.target.value)}
              />
              <SelectField
                label="Country"
                name="country"
                autoComplete="country"
                placeholder="Not shown"
                options={countries}
                value={form.values.country}
                error={form.errors.country}
                onChange={(e) => edit('country', e.target.value)}
              />
            </div>
          </div>
        </Section>

        <Section id="photo-heading" title="Photo" description="A link to a square image on a secure (https) site.">
          <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
            <Avatar name={form.values.displayName || profile.displayName} url={validateAvatarUrl(form.values.avatarUrl) ? null : form.values.avatarUrl} size="lg" />
            <TextField
              className="flex-1"
              label="Avatar URL"
              name="avatarUrl"
              type="url"
              inputMode="url"
              placeholder="https://…"
              value={form.values.avatarUrl}
              error={form.errors.avatarUrl}
              onChange={(e) => edit('avatarUrl', e.target.value)}
            />
          </div>
        </Section>

        {/* The outcome shows next to the button that was pressed, not at the top of a long form. */}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end">
          {formError && (
            <Alert tone="error" title="Your profile was not saved" className="sm:flex-1">
              {formError}
            </Alert>
          )}
          {saved && (
            <Alert tone="success" testId="profile-saved" className="sm:flex-1">
              Profile saved. Your public profile shows the changes now.
            </Alert>
          )}
          <Button type="submit" size="lg" disabled={saving} className="sm:shrink-0">
            {saving ? 'Saving…' : 'Save profile'}
          </Button>
        </div>
      </form>
    </div>
  );
}

function ProfileFormSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading your profile…</span>
      {[0, 1].map((i) => (
        <div key={i} className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="mt-4 h-4 w-72" />
          <Skeleton className="mt-6 h-10 w-full" />
          <Skeleton className="mt-4 h-10 w-full" />
        </div>
      ))}
    </div>
  );
}

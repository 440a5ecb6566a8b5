import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useConfig } from '../../app/ConfigContext';
import { fieldErrorFromMessage } from '../../lib/fieldErrors';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Section } from '../settings/Section';
import { AuthError, changePassword } from './authApi';
import { useAuthStore } from './AuthContext';
import { describeAuthError } from './serverError';
import { useForm } from './useForm';
import { MIN_PASSWORD_LENGTH, validateLoginPassword, validatePassword } from './validation';

const labels = { currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm new password' };

export function SecurityPage() {
  useDocumentTitle('Security');
  return (
    <div className="space-y-6">
      <ChangePasswordSection />
      <SessionsSection />
    </div>
  );
}

function ChangePasswordSection() {
  const { authUrl } = useConfig();
  const auth = useAuthStore();
  const navigate = useNavigate();
  const [endOthers, setEndOthers] = useState(true);
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm(
    { currentPassword: '', newPassword: '', confirmPassword: '' },
    {
      currentPassword: validateLoginPassword,
      newPassword: validatePassword,
      confirmPassword: (value: string) => (value === '' ? 'Type the new password again.' : null),
    },
  );
  const mismatch =
    form.values.confirmPassword !== '' && form.values.confirmPassword !== form.values.newPassword ? 'The two new passwords do not match.' : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const invalid = form.validateAll() ?? (mismatch ? 'confirmPassword' : null);
    if (invalid) {
      formElement.querySelector<HTMLInputElement>(`[name="${invalid}"]`)?.focus();
      return;
    }
    setPending(true);
    setFormError(null);
    setDone(null);
    form.clearServerErrors();
    try {
      const token = await auth.freshToken();
      if (!token) {
        navigate('/login?next=%2Fsettings%2Fsecurity', { replace: true });
        return;
      }
      await changePassword(authUrl, token, {
        currentPassword: form.values.currentPassword,
        newPassword: form.values.newPassword,
        endOtherSessions: endOthers,
      });
      form.setAll({ currentPassword: '', newPassword: '', confirmPassword: '' });
      setDone(endOthers ? 'Password changed. You have been logged out everywhere else.' : 'Password changed.');
    } catch (error) {
      // "currentPassword is incorrect" comes as a 401 that names the field; any
      // other 401 means this session is over (RequireAuth then sends the user
      // to log in).
      const problem =
        error instanceof AuthError && error.status === 401
          ? fieldErrorFromMessage(error.message, labels)
          : describeAuthError(error, labels);
      if (!problem) {
        auth.signOut();
        return;
      }
      if (problem.field) {
        form.setServerError(problem.field, problem.message);
        formElement.querySelector<HTMLInputElement>(`[name="${problem.field}"]`)?.focus();
      } else {
        setFormError(problem.message);
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <Section id="password-heading" title="Change password" description={`Use at least ${MIN_PASSWORD_LENGTH} characters. A long passphrase is easier to remember and harder to guess.`}>
      <form noValidate aria-label="Change password" onSubmit={onSubmit} className="max-w-lg space-y-5">
        {formError && <Alert tone="error" title="Your password was not changed">{formError}</Alert>}
        {done && <Alert tone="success" testId="password-changed">{done}</Alert>}
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={form.values.currentPassword}
          error={form.errors.currentPassword}
          onChange={(e) => form.setValue('currentPassword', e.target.value)}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={form.values.newPassword}
          error={form.errors.newPassword}
          onChange={(e) => form.setValue('newPassword', e.target.value)}
        />
        <TextField
          label="Confirm new password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          value={form.values.confirmPassword}
          error={form.errors.confirmPassword ?? mismatch}
          onChange={(e) => form.setValue('confirmPassword', e.target.value)}
        />
        <label className="flex items-start gap-3 text-sm text-slate-700">
          <input
            type="checkbox"
            name="endOtherSessions"
            checked={endOthers}
            onChange={(e) => setEndOthers(e.target.checked)}
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
          <span>
            <span className="font-medium text-slate-900">End my other sessions</span>
            <span className="block text-slate-600">Log out every other browser and device. This one stays signed in.</span>
          </span>
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? 'Changing password…' : 'Change password'}
        </Button>
      </form>
    </Section>
  );
}

function SessionsSection() {
  const auth = useAuthStore();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function logoutEverywhere() {
    setPending(true);
    setError(null);
    try {
      const ended = await auth.logoutEverywhere();
      navigate('/login', {
        replace: true,
        state: { notice: `You have been logged out everywhere (${ended} ${ended === 1 ? 'session' : 'sessions'} ended).` },
      });
    } catch (cause) {
      setError(cause instanceof AuthError ? cause.message : 'Something went wrong. Please try again.');
      setPending(false);
    }
  }

  return (
    <Section id="sessions-heading" title="Sessions" description="Lost a device, or logged in on a shared computer? End every session at once, this one included.">
      {error && (
        <Alert tone="error" title="Could not log out everywhere" className="mb-4">
          {error}
        </Alert>
      )}
      <Button variant="danger" onClick={() => void logoutEverywhere()} disabled={pending}>
        {pending ? 'Logging out…' : 'Log out everywhere'}
      </Button>
    </Section>
  );
}

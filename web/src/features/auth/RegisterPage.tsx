import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useConfig } from '../../app/ConfigContext';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { register } from './authApi';
import { useAuthStore } from './AuthContext';
import { AuthShell } from './AuthShell';
import type { AccountType } from './authStore';
import { HOME_PATH } from './accountKinds';
import { safeNext } from './next';
import { describeAuthError } from './serverError';
import { useForm } from './useForm';
import {
  ACCOUNT_TYPES,
  MIN_PASSWORD_LENGTH,
  isAccountType,
  validateAccountType,
  validateDisplayName,
  validateEmail,
  validatePassword,
  validateUsername,
} from './validation';

const validators = {
  accountType: validateAccountType,
  displayName: validateDisplayName,
  username: validateUsername,
  email: validateEmail,
  password: validatePassword,
};
const labels = { accountType: 'Account type', displayName: 'Display name', username: 'Username', email: 'Email', password: 'Password' };

export function RegisterPage() {
  useDocumentTitle('Sign up');
  const { authUrl } = useConfig();
  const auth = useAuthStore();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const preselected = params.get('as');
  const next = safeNext(params.get('next'));
  const form = useForm(
    {
      accountType: isAccountType(preselected) ? preselected : '',
      displayName: '',
      username: '',
      email: '',
      password: '',
    },
    validators,
  );
  const [pending, setPending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = form.validateAll();
    if (invalid) {
      event.currentTarget.querySelector<HTMLInputElement>(`[name="${invalid}"]`)?.focus();
      return;
    }
    setPending(true);
    setServerError(null);
    form.clearServerErrors();
    try {
      const session = await register(authUrl, {
        accountType: form.values.accountType as AccountType,
        displayName: form.values.displayName.trim(),
        username: form.values.username.trim(),
        email: form.values.email.trim(),
        password: form.values.password,
      });
      auth.signIn(session);
      // A new account starts on its dashboard, which says what to do first.
      navigate(next, { replace: true, state: next === HOME_PATH ? { welcome: true } : undefined });
    } catch (error) {
      const problem = describeAuthError(error, labels);
      if (problem.field) {
        form.setServerError(problem.field, problem.message);
        document.querySelector<HTMLInputElement>(`form[aria-label="Sign up"] [name="${problem.field}"]`)?.focus();
      } else {
        setServerError(problem.message);
      }
      setPending(false);
    }
  }

  const accountTypeError = form.errors.accountType;

  return (
    <AuthShell
      title="Create your account"
      subtitle="Join MySpace 2.0 to post jobs, send proposals and get paid through escrow."
      footer={
        <>
          Already have an account?{' '}
          <Link to={next === HOME_PATH ? '/login' : `/login?next=${encodeURIComponent(next)}`} className="font-semibold text-indigo-700 hover:text-indigo-900">
            Log in
          </Link>
        </>
      }
    >
      <form noValidate onSubmit={onSubmit} aria-label="Sign up" className="space-y-5">
        {serverError && <Alert tone="error" title="Could not create your account">{serverError}</Alert>}

        <fieldset aria-describedby={accountTypeError ? 'account-type-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">I want to join as</legend>
          <div className="mt-2 grid grid-cols-2 gap-3">
            {ACCOUNT_TYPES.map((t) => {
              const checked = form.values.accountType === t.value;
              return (
                <label
                  key={t.value}
                  className={cx(
                    'relative flex cursor-pointer flex-col rounded-xl border p-3 text-sm transition',
                    'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600',
                    checked ? 'border-indigo-600 bg-indigo-50 ring-1 ring-indigo-600' : 'border-slate-300 hover:border-slate-400',
                  )}
                >
                  <input
                    type="radio"
                    name="accountType"
                    value={t.value}
                    checked={checked}
                    onChange={() => form.setValue('accountType', t.value)}
                    aria-labelledby={`account-type-${t.value}-label`}
                    aria-describedby={`account-type-${t.value}-description`}
                    className="sr-only"
                  />
                  <span id={`account-type-${t.value}-label`} className="font-semibold text-slate-900">
                    {t.label}
                  </span>
                  <span id={`account-type-${t.value}-description`} className="mt-0.5 text-xs text-slate-600">
                    {t.description}
                  </span>
                </label>
              );
            })}
          </div>
          {accountTypeError && (
            <p id="account-type-error" className="mt-1.5 text-sm text-red-700">
              {accountTypeError}
            </p>
          )}
        </fieldset>

        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Display name"
            name="displayName"
            autoComplete="name"
            required
            value={form.values.displayName}
            error={form.errors.displayName}
            onChange={(e) => form.setValue('displayName', e.target.value)}
          />
          <TextField
            label="Username"
            name="username"
            autoComplete="username"
            required
            value={form.values.username}
            error={form.errors.username}
            onChange={(e) => form.setValue('username', e.target.value)}
          />
        </div>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={form.values.email}
          error={form.errors.email}
          onChange={(e) => form.setValue('email', e.target.value)}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          value={form.values.password}
          error={form.errors.password}
          onChange={(e) => form.setValue('password', e.target.value)}
        />
        <Button type="submit" size="lg" className="w-full" disabled={pending}>
          {pending ? 'Creating account…' : 'Create account'}
        </Button>
      </form>
    </AuthShell>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useConfig } from '../../app/ConfigContext';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { login } from './authApi';
import { useAuthStore } from './AuthContext';
import { AuthShell } from './AuthShell';
import { HOME_PATH } from './accountKinds';
import { safeNext } from './next';
import { describeAuthError } from './serverError';
import { useForm } from './useForm';
import { validateEmail, validateLoginPassword } from './validation';

const validators = { email: validateEmail, password: validateLoginPassword };
const labels = { email: 'Email', password: 'Password' };

export function LoginPage() {
  useDocumentTitle('Log in');
  const { authUrl } = useConfig();
  const auth = useAuthStore();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const form = useForm({ email: '', password: '' }, validators);
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
      const session = await login(authUrl, { email: form.values.email.trim(), password: form.values.password });
      auth.signIn(session);
      navigate(next, { replace: true });
    } catch (error) {
      const problem = describeAuthError(error, labels);
      if (problem.field) form.setServerError(problem.field, problem.message);
      else setServerError(problem.message);
      setPending(false);
    }
  }

  return (
    <AuthShell
      title="Log in to MySpace 2.0"
      subtitle="Welcome back. Pick up your jobs, proposals and conversations."
      footer={
        <>
          New here?{' '}
          <Link to={next === HOME_PATH ? '/register' : `/register?next=${encodeURIComponent(next)}`} className="font-semibold text-indigo-700 hover:text-indigo-900">
            Create an account
          </Link>
        </>
      }
    >
      <form noValidate onSubmit={onSubmit} aria-label="Log in" className="space-y-5">
        {notice && !serverError && <Alert tone="success">{notice}</Alert>}
        {serverError && <Alert tone="error" title="Could not log in">{serverError}</Alert>}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={form.values.email}
          error={form.errors.email}
          onChange={(e) => form.setValue('email', e.target.value)}
          onBlur={() => form.values.email && form.touch('email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.password}
          error={form.errors.password}
          onChange={(e) => form.setValue('password', e.target.value)}
        />
        <Button type="submit" size="lg" className="w-full" disabled={pending}>
          {pending ? 'Logging in…' : 'Log in'}
        </Button>
      </form>
    </AuthShell>
  );
}

import { GraphQLError } from 'graphql';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/render';
import { createAuthStore } from '../auth/authStore';
import { ownProfile } from './fixtures';
import { MY_PROFILE, UPDATE_PROFILE } from './graphql';
import { ProfileEditPage } from './ProfileEditPage';
import { validateAvatarUrl, validateHourlyRate } from './validation';

const meMock = (profile = ownProfile()) => ({ request: { query: MY_PROFILE }, result: { data: { me: profile } } });

describe('profile validation', () => {
  it('accepts decimal-string hourly rates with up to 8 digits and 2 decimals', () => {
    for (const ok of ['', '45', '45.5', '45.50', '12345678.99', '0']) expect(validateHourlyRate(ok)).toBeNull();
    for (const bad of ['45.505', '-5', '1e3', '45,50', '123456789', '.5', '45.', 'abc', '$45']) expect(validateHourlyRate(bad)).not.toBeNull();
  });

  it('accepts only https avatar URLs', () => {
    expect(validateAvatarUrl('')).toBeNull();
    expect(validateAvatarUrl('https://images.example.com/me.png')).toBeNull();
    expect(validateAvatarUrl('http://images.example.com/me.png')).toMatch(/https/);
    expect(validateAvatarUrl('javascript:alert(1)')).toMatch(/https/);
    expect(validateAvatarUrl('data:image/png;base64,AAAA')).toMatch(/https/);
    expect(validateAvatarUrl('images.example.com/me.png')).toMatch(/https/);
  });
});

describe('ProfileEditPage', () => {
  it('shows the profile with its completion and validates as you type', async () => {
    const user = userEvent.setup();
    renderPage(<ProfileEditPage />, { mocks: [meMock(ownProfile({ profileCompletion: 62 }))] });

    const form = await screen.findByRole('form', { name: 'Edit profile' });
    expect(screen.getByRole('progressbar', { name: 'Profile completion' })).toHaveAttribute('aria-valuenow', '62');
    expect(within(form).getByLabelText('Display name')).toHaveValue('Jane Doe');

    const rate = within(form).getByLabelText('Hourly rate (USD)');
    await user.type(rate, '45.505');
    expect(rate).toHaveAttribute('aria-invalid', 'true');
    expect(rate).toHaveAccessibleDescription(/45 or 45\.50/);
    await user.type(rate, '{Backspace}');
    expect(rate).not.toHaveAttribute('aria-invalid');

    const avatar = within(form).getByLabelText('Avatar URL');
    await user.type(avatar, 'http://example.com/a.png');
    expect(avatar).toHaveAccessibleDescription('The image address must start with https://.');
  });

  it('does not send the form while a field is invalid', async () => {
    const user = userEvent.setup();
    // No mutation mock: sending would fail the test with an unmatched-request error.
    renderPage(<ProfileEditPage />, { mocks: [meMock()] });
    const form = await screen.findByRole('form', { name: 'Edit profile' });
    await user.type(within(form).getByLabelText('Avatar URL'), 'javascript:alert(1)');
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));
    expect(within(form).getByLabelText('Avatar URL')).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('sends the edited profile and shows the saved state', async () => {
    const user = userEvent.setup();
    const saved = ownProfile({ headline: 'Rust & React', skills: ['Rust', 'React'], hourlyRate: '45.50', country: 'DE', profileCompletion: 75 });
    const auth = createAuthStore({ accessToken: 'tok', user: { id: 'u1', displayName: 'Jane Doe' } });
    renderPage(<ProfileEditPage />, {
      auth,
      mocks: [
        meMock(),
        {
          request: {
            query: UPDATE_PROFILE,
            variables: {
              input: { displayName: 'Jane Doe', headline: 'Rust & React', bio: null, skills: ['Rust', 'React'], hourlyRate: '45.50', country: 'DE', avatarUrl: null },
            },
          },
          result: { data: { updateProfile: saved } },
        },
      ],
    });
    const form = await screen.findByRole('form', { name: 'Edit profile' });
    await user.type(within(form).getByLabelText('Headline'), 'Rust & React');
    await user.type(within(form).getByLabelText('Skills'), 'Rust{Enter}React,');
    expect(within(form).getByRole('button', { name: 'Remove Rust' })).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Hourly rate (USD)'), '45.50');
    await user.selectOptions(within(form).getByLabelText('Country'), 'DE');
    expect(within(form).getByRole('option', { name: 'Germany' })).toHaveProperty('selected', true);
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByTestId('profile-saved')).toBeInTheDocument();
    expect(screen.getByTestId('profile-completion')).toHaveTextContent('75%');
    // The message sits with the Save button (same row), not at the top of the long form.
    const button = within(form).getByRole('button', { name: 'Save profile' });
    expect(button.parentElement).toContainElement(screen.getByTestId('profile-saved'));
  });

  it('puts the server’s BAD_USER_INPUT message under the field it names', async () => {
    const user = userEvent.setup();
    renderPage(<ProfileEditPage />, {
      mocks: [
        meMock(),
        {
          request: { query: UPDATE_PROFILE, variables: (v: { input: { hourlyRate?: string | null } }) => v.input.hourlyRate === '99999999.99' },
          result: { errors: [new GraphQLError('hourlyRate must be at most 99999999.99', { extensions: { code: 'BAD_USER_INPUT' } })] },
        },
      ],
    });
    const form = await screen.findByRole('form', { name: 'Edit profile' });
    await user.type(within(form).getByLabelText('Hourly rate (USD)'), '99999999.99');
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    const rate = within(form).getByLabelText('Hourly rate (USD)');
    expect(await within(form).findByText('Hourly rate must be at most 99999999.99.')).toBeInTheDocument();
    expect(rate).toHaveAttribute('aria-invalid', 'true');
    expect(rate).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
    expect(screen.queryByTestId('profile-saved')).not.toBeInTheDocument();

    await user.type(rate, '{Backspace}');
    expect(within(form).queryByText('Hourly rate must be at most 99999999.99.')).not.toBeInTheDocument();
  });

  it('shows a clear error state when the gateway is down', async () => {
    renderPage(<ProfileEditPage />, { mocks: [{ request: { query: MY_PROFILE }, error: new TypeError('Failed to fetch') }] });
    expect(await screen.findByTestId('profile-error')).toHaveTextContent(/can’t load your profile/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../test/render';
import { createAuthStore, type SessionUser } from '../features/auth/authStore';
import { Footer } from './Footer';
import { Header } from './Header';

const signedIn = (user: SessionUser) => createAuthStore({ locks: null, sessionHint: null, initial: { accessToken: 'tok', user } });

describe('Header', () => {
  it('closes the phone menu with Escape and gives focus back to its button', async () => {
    const user = userEvent.setup();
    renderPage(<Header />);
    const toggle = screen.getByRole('button', { name: 'Open menu' });
    await user.click(toggle);
    expect(document.getElementById('mobile-menu')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(document.getElementById('mobile-menu')).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('names the account button by what it shows', () => {
    renderPage(<Header />, { auth: signedIn({ username: 'ada.codes', displayName: 'Ada Okafor', accountType: 'FREELANCER' }) });
    const button = within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: /^Ada Okafor ?, account menu$/ });
    // No aria-label that could say something other than the visible text.
    expect(button).not.toHaveAttribute('aria-label');
    expect(button).toHaveTextContent(/Ada Okafor/);
  });

  it('sends a signed-in client to their dashboard to hire, and offers a freelancer no hiring', () => {
    const { unmount } = renderPage(<Header />, { auth: signedIn({ displayName: 'Northwind', accountType: 'CLIENT' }) });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Hire talent' })).toHaveAttribute('href', '/dashboard#post-a-job');
    expect(within(nav).queryByRole('link', { name: 'Sign up' })).not.toBeInTheDocument();
    unmount();

    renderPage(<Header />, { auth: signedIn({ displayName: 'Ada', accountType: 'FREELANCER' }) });
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Hire talent' })).not.toBeInTheDocument();
  });

  it('offers signing up to visitors only', () => {
    renderPage(<Header />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Hire talent' })).toHaveAttribute('href', '/register?as=CLIENT');
    expect(within(nav).getByRole('link', { name: 'Sign up' })).toBeInTheDocument();
  });
});

describe('Footer', () => {
  it('offers logging in and signing up to visitors', () => {
    renderPage(<Footer />);
    const account = screen.getByRole('navigation', { name: 'Account' });
    expect(within(account).getByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Post a job' })).toHaveAttribute('href', '/register?as=CLIENT');
  });

  it('offers a signed-in person their own pages instead', () => {
    renderPage(<Footer />, { auth: signedIn({ username: 'northwind', displayName: 'Northwind', accountType: 'CLIENT' }) });
    const footer = screen.getByRole('contentinfo');
    for (const gone of ['Log in', 'Sign up', 'Join as a freelancer', 'Hire as a company']) {
      expect(within(footer).queryByRole('link', { name: gone })).not.toBeInTheDocument();
    }
    expect(within(footer).getByRole('link', { name: 'Post a job' })).toHaveAttribute('href', '/dashboard#post-a-job');
    expect(within(footer).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/dashboard');
  });
});

// Accounts end to end: a client and a freelancer register (unique emails per
// run) and land on their dashboard with a nudge to complete the profile, log
// out and in, a protected page sends the visitor to log in and back, a reload
// keeps the session (silent refresh through the httpOnly cookie, on the web's
// own origin under /auth), the freelancer edits their profile and it shows on
// /u/<username>, and "log out everywhere" ends the session. No page logs a
// console error, signed in or not (an anonymous load asks for no session).
// Env: BASE_URL (web), API_URL (gateway /graphql).
//
// The auth service allows 10 refreshes a minute per address, and every page
// load with a session asks for one; this file loads pages four times and moves
// on the client side otherwise.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, collectErrors, launchBrowser, outPath } from './lib/browser.mjs';

const TIMEOUT = 15_000;
const API_URL = process.env.API_URL ?? 'http://localhost:4000/graphql';
// The web service proxies the auth service under its own origin.
const AUTH_URL = `${BASE_URL}/auth`;

const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const password = `e2e ${randomBytes(9).toString('base64url')} pass`;
const client = { type: 'Client', displayName: `Casey Client ${run}`, username: `e2e_client_${run}`, email: `client-${run}@e2e.example.com` };
const freelancer = {
  type: 'Freelancer',
  displayName: `Frida Freelancer ${run}`,
  username: `e2e_free_${run}`,
  email: `freelancer-${run}@e2e.example.com`,
};
// Angle brackets check that the public page shows text as text.
const profileEdit = { headline: `Rust & <b>React</b> engineer ${run}`, skills: ['Rust', 'PostgreSQL', 'React'], hourlyRate: '45.50', country: 'DE' };

/**
 * Whether the gateway serves the profile API yet: `me` and `updateProfile`
 * must pass validation (an anonymous updateProfile is refused as
 * UNAUTHENTICATED, never executed).
 */
async function profileApiAvailable() {
  const ask = async (query) => {
    try {
      const response = await fetch(API_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(5000),
      });
      return await response.json();
    } catch {
      return null;
    }
  };
  const invalid = (body) =>
    !body ||
    (body.errors ?? []).some(
      (e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || /Cannot query field|not configured|Unknown type/i.test(e.message ?? ''),
    );
  const me = await ask('query E2EProbe { me { id headline skills hourlyRate } }');
  if (invalid(me)) return false;
  const update = await ask('mutation E2EProbe { updateProfile(input: {}) { id } }');
  return !invalid(update);
}

const PROFILE_API = await profileApiAvailable();

describe('accounts', () => {
  let browser;
  let context;
  let page;
  let errors;

  before(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(TIMEOUT);
    page = await context.newPage();
    errors = collectErrors(page);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  const header = () => page.getByRole('banner');
  const userName = () => header().getByTestId('header-user-name');

  async function fillRegistration(account) {
    const form = page.getByRole('form', { name: 'Sign up' });
    await form.waitFor();
    await form.getByText(account.type, { exact: true }).click();
    await form.getByLabel('Display name').fill(account.displayName);
    await form.getByLabel('Username').fill(account.username);
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill(password);
    const answer = page.waitForResponse((r) => r.url() === `${AUTH_URL}/register`);
    await form.getByRole('button', { name: 'Create account' }).click();
    const response = await answer;
    assert.equal(response.status(), 201, `register ${account.type}: ${await response.text()}`);
    return (await response.json()).accessToken;
  }

  async function logIn(account) {
    const form = page.getByRole('form', { name: 'Log in' });
    await form.waitFor();
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Log in' }).click();
  }

  async function logOutFromMenu() {
    await header().getByRole('button', { name: /account menu$/ }).click();
    const done = page.waitForResponse((r) => r.url() === `${AUTH_URL}/logout`);
    await header().getByRole('button', { name: 'Log out' }).click();
    assert.equal((await done).status(), 200);
    await header().getByRole('link', { name: 'Log in', exact: true }).waitFor();
  }

  async function refreshCookie() {
    return (await context.cookies(AUTH_URL + '/refresh')).find((c) => c.name === 'myspace_refresh');
  }

  /** Whether the element is inside the viewport right now (seen, not scrolled away). */
  async function inViewport(locator) {
    const box = await locator.boundingBox();
    const size = page.viewportSize();
    return box !== null && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
  }

  it('registers a client, logs out, and logs back in through a protected page', async () => {
    await page.goto(`${BASE_URL}/register?as=CLIENT`);
    const token = await fillRegistration(client);
    // A new client starts on the dashboard: a nudge to complete the profile, and hiring first.
    await page.waitForURL(`${BASE_URL}/dashboard`);
    assert.equal((await userName().innerText()).trim(), client.displayName);
    const nudge = page.getByTestId('profile-nudge');
    await nudge.getByRole('link', { name: 'Complete your profile' }).waitFor();
    assert.ok(await page.getByRole('heading', { level: 3, name: 'Post a job' }).isVisible());

    // Signed in, nothing offers to sign up or log in again, and hiring leads to the dashboard.
    const footer = page.getByRole('contentinfo');
    for (const gone of ['Log in', 'Sign up', 'Join as a freelancer']) {
      assert.equal(await footer.getByRole('link', { name: gone, exact: true }).count(), 0, `footer link ${gone}`);
    }
    assert.equal(await footer.getByRole('link', { name: 'Post a job' }).getAttribute('href'), '/dashboard#post-a-job');
    assert.equal(await header().getByRole('link', { name: 'Hire talent' }).getAttribute('href'), '/dashboard#post-a-job');
    await page.screenshot({ path: outPath('dashboard-client.png'), fullPage: true });

    // The access token stays in memory; the refresh token is an httpOnly cookie.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie);
    assert.ok(!stored.includes(token), 'the access token must not be in storage or readable cookies');
    const cookie = await refreshCookie();
    assert.ok(cookie, 'the refresh cookie is set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/auth', 'the cookie goes only to the auth proxy');
    // What the page may read is a flag, never a token.
    assert.equal(await page.evaluate(() => localStorage.getItem('myspace.session')), '1');

    await logOutFromMenu();
    assert.equal(await refreshCookie(), undefined, 'logout clears the refresh cookie');

    // A protected page sends the visitor to log in, and back after logging in.
    await page.goto(`${BASE_URL}/settings/security`);
    await page.waitForURL(`${BASE_URL}/login?next=%2Fsettings%2Fsecurity`);
    await logIn(client);
    await page.waitForURL(`${BASE_URL}/settings/security`);
    await page.getByRole('form', { name: 'Change password' }).waitFor();
    assert.equal((await userName().innerText()).trim(), client.displayName);

    await logOutFromMenu();
    assert.deepEqual(errors, []);
  });

  it('registers a freelancer and keeps the session across a reload', async () => {
    await header().getByRole('link', { name: 'Sign up' }).click();
    await page.waitForURL(`${BASE_URL}/register`);
    await fillRegistration(freelancer);
    await page.waitForURL(`${BASE_URL}/dashboard`);
    assert.equal((await userName().innerText()).trim(), freelancer.displayName);
    // A freelancer's next step is finding work; there is nothing to hire with.
    await page.getByTestId('profile-nudge').getByRole('link', { name: 'Complete your profile' }).waitFor();
    assert.ok(await page.getByRole('heading', { level: 3, name: 'Find work' }).isVisible());
    assert.equal(await header().getByRole('link', { name: 'Hire talent' }).count(), 0);

    const refreshed = page.waitForResponse((r) => r.url() === `${AUTH_URL}/refresh`);
    await page.reload();
    assert.equal((await refreshed).status(), 200, 'the reload restores the session from the cookie');
    await userName().waitFor();
    assert.equal((await userName().innerText()).trim(), freelancer.displayName);
    assert.deepEqual(errors, []);
  });

  it('edits the freelancer’s profile and shows it on the public page', { skip: PROFILE_API ? false : 'gateway profile API not yet available' }, async () => {
    await header().getByRole('button', { name: /account menu$/ }).click();
    await header().getByRole('link', { name: 'Edit profile' }).click();
    await page.waitForURL(`${BASE_URL}/settings/profile`);
    const form = page.getByRole('form', { name: 'Edit profile' });
    await form.waitFor();
    assert.equal(await form.getByLabel('Display name').inputValue(), freelancer.displayName);
    const before = Number((await page.getByTestId('profile-completion').innerText()).replace('%', ''));

    await form.getByLabel('Headline').fill(profileEdit.headline);
    const skills = form.getByRole('textbox', { name: 'Skills' });
    for (const skill of profileEdit.skills) {
      await skills.fill(skill);
      await skills.press('Enter');
    }
    // Validation as you type: three decimals are refused before sending.
    const rate = form.getByLabel('Hourly rate (USD)');
    await rate.fill('45.505');
    await form.getByText(/like 45 or 45\.50/).waitFor();
    await rate.fill(profileEdit.hourlyRate);
    await form.getByLabel('Country').selectOption(profileEdit.country);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByTestId('profile-saved').waitFor();
    // The outcome shows where the person is looking: by the button, not at the top of the form.
    assert.ok(await inViewport(page.getByTestId('profile-saved')), '"Profile saved" is on screen');
    const afterSave = Number((await page.getByTestId('profile-completion').innerText()).replace('%', ''));
    assert.ok(afterSave > before, `profile completion grows (${before}% → ${afterSave}%)`);
    await page.screenshot({ path: outPath('profile-edit.png'), fullPage: true });

    // A visitor who is not signed in sees the public fields, as text.
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      visitor.setDefaultTimeout(TIMEOUT);
      const publicPage = await visitor.newPage();
      const visitorErrors = collectErrors(publicPage);
      await publicPage.goto(`${BASE_URL}/u/${freelancer.username}`);
      const profile = publicPage.getByTestId('public-profile');
      await profile.waitFor();
      assert.equal((await profile.getByRole('heading', { level: 1 }).innerText()).trim(), freelancer.displayName);
      assert.equal((await profile.getByTestId('profile-headline').innerText()).trim(), profileEdit.headline);
      assert.equal(await profile.locator('b').count(), 0, 'the headline is not parsed as HTML');
      assert.deepEqual(
        (await profile.getByTestId('profile-skills').getByRole('listitem').allInnerTexts()).map((s) => s.trim()),
        profileEdit.skills,
      );
      assert.match(await profile.getByTestId('profile-rate').innerText(), /\$45\.50\s*\/ hour/);
      assert.ok(await profile.getByText('Germany').isVisible());
      assert.ok(!(await publicPage.content()).includes(freelancer.email), 'the email is not public');
      await publicPage.screenshot({ path: outPath('public-profile.png'), fullPage: true });
      assert.deepEqual(visitorErrors, []);
    } finally {
      await visitor.close();
    }
    assert.deepEqual(errors, []);
  });

  it('logs out everywhere from the security page', async () => {
    await header().getByRole('button', { name: /account menu$/ }).click();
    await header().getByRole('link', { name: 'Security settings' }).click();
    await page.waitForURL(`${BASE_URL}/settings/security`);
    await page.screenshot({ path: outPath('security.png'), fullPage: true });
    const done = page.waitForResponse((r) => r.url() === `${AUTH_URL}/logout-all`);
    await page.getByRole('button', { name: 'Log out everywhere' }).click();
    const response = await done;
    assert.equal(response.status(), 200);
    assert.ok((await response.json()).endedSessions >= 1);
    await page.waitForURL(`${BASE_URL}/login`);
    await page.getByText(/logged out everywhere/i).waitFor();
    await header().getByRole('link', { name: 'Log in', exact: true }).waitFor();
    assert.equal(await refreshCookie(), undefined, 'the refresh cookie is cleared');
    assert.deepEqual(errors, []);
  });
});

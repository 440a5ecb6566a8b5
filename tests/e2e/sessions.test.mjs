// A session survives reloads and new tabs whichever local host name the app
// was opened with (localhost or 127.0.0.1: the auth service answers on the
// page's own origin, so its cookie is first-party), and pages load directly
// at any client route — a username with a dot included, and whatever the
// request accepts. Env: BASE_URL (a local host name). Uses the demo
// freelancer (seeds/demo.sql), whose username is ada.codes.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, collectErrors, launchBrowser } from './lib/browser.mjs';

const TIMEOUT = 15_000;
const DEMO_FREELANCER = { email: 'freelancer@demo.myspace.dev', password: 'demo-password-2026', name: 'Ada Okafor', username: 'ada.codes' };

/** BASE_URL under both local names (the web service listens on every address). */
function localOrigins() {
  const url = new URL(BASE_URL);
  const swap = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' }[url.hostname];
  if (!swap) return [url.origin];
  const other = new URL(url);
  other.hostname = swap;
  return [url.origin, other.origin];
}

describe('sessions and direct loads', () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  for (const origin of localOrigins()) {
    it(`keeps the session across a reload and a new tab on ${origin}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(TIMEOUT);
      try {
        const page = await context.newPage();
        const errors = collectErrors(page);
        await page.goto(`${origin}/login`);
        const form = page.getByRole('form', { name: 'Log in' });
        await form.getByLabel('Email').fill(DEMO_FREELANCER.email);
        await form.getByLabel('Password').fill(DEMO_FREELANCER.password);
        await form.getByRole('button', { name: 'Log in' }).click();
        const name = () => page.getByRole('banner').getByTestId('header-user-name');
        await name().waitFor();
        assert.equal((await name().innerText()).trim(), DEMO_FREELANCER.name);

        const refreshed = page.waitForResponse((r) => r.url() === `${origin}/auth/refresh`);
        await page.reload();
        assert.equal((await refreshed).status(), 200, 'the reload restores the session from the cookie');
        await name().waitFor();
        assert.equal((await name().innerText()).trim(), DEMO_FREELANCER.name);

        // A new tab opens a protected page straight away, signed in.
        const tab = await context.newPage();
        const tabErrors = collectErrors(tab);
        await tab.goto(`${origin}/settings/security`);
        await tab.getByRole('form', { name: 'Change password' }).waitFor();
        assert.equal(new URL(tab.url()).pathname, '/settings/security');
        await tab.close();

        // Log out (from the first tab) so that the session does not linger.
        await page.getByRole('banner').getByRole('button', { name: /account menu$/ }).click();
        await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
        await page.getByRole('banner').getByRole('link', { name: 'Log in', exact: true }).waitFor();
        assert.deepEqual([...errors, ...tabErrors], []);
      } finally {
        await context.close();
      }
    });
  }

  it('loads a profile whose username has a dot directly, with no console error', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(TIMEOUT);
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      const response = await page.goto(`${BASE_URL}/u/${DEMO_FREELANCER.username}`);
      assert.equal(response?.status(), 200);
      assert.match(response?.headers()['content-type'] ?? '', /^text\/html/);
      const profile = page.getByTestId('public-profile');
      await profile.waitFor();
      assert.equal((await profile.getByRole('heading', { level: 1 }).innerText()).trim(), DEMO_FREELANCER.name);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('answers client routes with the page whatever the request accepts (curl, an API client)', async () => {
    for (const path of ['/jobs', `/u/${DEMO_FREELANCER.username}`, '/settings/profile', '/login']) {
      for (const accept of ['*/*', 'application/json']) {
        const response = await fetch(BASE_URL + path, { headers: { Accept: accept }, signal: AbortSignal.timeout(5000) });
        assert.equal(response.status, 200, `${path} (${accept})`);
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/, `${path} (${accept})`);
        assert.match(await response.text(), /<div id="root">/, `${path} (${accept})`);
      }
    }
  });
});

// Landing page, client-side routing and SPA fallback against a running web
// server. Env: BASE_URL (default http://localhost:3000); E2E_EXPECT_JOBS=1
// when the gateway is up with demo data (then at least one job card must show
// and failed API requests count as errors).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiOrigins, BASE_URL, collectErrors, EXPECT_JOBS, launchBrowser, outPath } from './lib/browser.mjs';

const TIMEOUT = 15_000;

describe('landing page', () => {
  let browser;
  let context;

  before(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(TIMEOUT);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  /** Opens a page; with no API expected, errors about the API's origins are tolerated. */
  async function open(path) {
    const page = await context.newPage();
    let origins;
    // An anonymous load logs nothing: no session is asked for (no 401 to log).
    const errors = collectErrors(page, (text, url) => {
      if (EXPECT_JOBS) return false;
      return origins.some((o) => url.startsWith(o) || text.includes(o));
    });
    // The defaults until /config.js has been read, so early failures are classified too.
    origins = ['http://localhost:4000'];
    const response = await page.goto(BASE_URL + path, { waitUntil: 'domcontentloaded' });
    origins = await apiOrigins(page);
    return { page, response, errors };
  }

  /** Waits until the Latest jobs section has left its loading state. */
  async function settledJobs(page) {
    const section = page.getByRole('region', { name: 'Latest jobs' });
    await section
      .locator('[data-testid="job-card"], [data-testid="jobs-empty"], [data-testid="jobs-error"]')
      .first()
      .waitFor({ state: 'visible' });
    return section;
  }

  it('renders title, hero, account types and latest jobs without console errors', async () => {
    const { page, response, errors } = await open('/');
    assert.equal(response?.status(), 200);
    await assert.doesNotReject(page.waitForFunction(() => window.__MYSPACE_CONFIG__ !== undefined, null, { timeout: 5000 }),
      '/config.js should define window.__MYSPACE_CONFIG__');

    assert.match(await page.title(), /MySpace 2\.0/);

    const hero = page.getByRole('heading', { level: 1 });
    await hero.waitFor();
    assert.match(await hero.innerText(), /hire great talent/i);

    const nav = page.getByRole('navigation', { name: 'Main' });
    // The account links appear once the start-up session check has answered.
    await nav.getByRole('link', { name: 'Sign up', exact: true }).waitFor();
    for (const link of ['Find work', 'Hire talent', 'Log in', 'Sign up']) {
      assert.equal(await nav.getByRole('link', { name: link, exact: true }).count(), 1, `nav link ${link}`);
    }

    for (const type of ['Freelancer', 'Client', 'Company', 'Agency']) {
      assert.ok(await page.getByRole('heading', { level: 3, name: type, exact: true }).isVisible(), `account type ${type}`);
    }

    const section = await settledJobs(page);
    const cards = await section.getByTestId('job-card').count();
    const empty = await section.getByTestId('jobs-empty').count();
    const failed = await section.getByTestId('jobs-error').count();
    if (EXPECT_JOBS) {
      assert.ok(cards >= 1, `expected at least one job card (empty=${empty}, error=${failed})`);
      const first = section.getByTestId('job-card').first();
      assert.ok((await first.getByRole('heading').innerText()).trim().length > 0, 'job card has a title');
      assert.match(await first.getByTestId('job-budget').innerText(), /\$|Open to proposals/);
    } else {
      assert.equal(Number(cards > 0) + Number(empty > 0) + Number(failed > 0), 1, 'exactly one jobs state is shown');
    }

    assert.ok(await page.getByRole('contentinfo').isVisible(), 'footer is rendered');

    await page.screenshot({ path: outPath('landing.png'), fullPage: true });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('navigates to /login on the client side', async () => {
    const { page, errors } = await open('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // A full page load would drop this marker.
    await page.evaluate(() => {
      window.__e2eSamePage = true;
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in', exact: true }).click();
    await page.waitForURL(BASE_URL + '/login');
    const form = page.getByRole('form', { name: 'Log in' });
    await form.waitFor();
    assert.ok(await form.getByLabel('Email').isVisible());
    assert.ok(await form.getByLabel('Password').isVisible());
    assert.equal(await page.evaluate(() => window.__e2eSamePage), true, 'navigation should not reload the page');
    assert.match(await page.title(), /Log in/);

    // Validation as you type.
    await form.getByLabel('Email').fill('not-an-email');
    await form.getByText(/enter a valid email address/i).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('serves deep links through the SPA fallback', async () => {
    const { page, response, errors } = await open('/jobs');
    assert.equal(response?.status(), 200);
    const heading = page.getByRole('heading', { level: 1, name: 'Find work' });
    await heading.waitFor();
    assert.ok(await page.getByRole('searchbox', { name: 'Search jobs' }).isVisible());
    await page
      .locator('[data-testid="job-card"], [data-testid="jobs-empty"], [data-testid="jobs-error"]')
      .first()
      .waitFor();
    if (EXPECT_JOBS) assert.ok((await page.getByTestId('job-card').count()) >= 1);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the not-found page for unknown routes', async () => {
    const { page, errors } = await open('/no-such-page-here');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Back to home' }).isVisible());
    assert.deepEqual(errors, []);
    await page.close();
  });
});

// Shared setup for the browser tests: the system Chromium (never a downloaded
// one), the base URL, and a collector for console errors.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
export const EXPECT_JOBS = process.env.E2E_EXPECT_JOBS === '1';
export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export function outPath(name) {
  mkdirSync(OUT_DIR, { recursive: true });
  return join(OUT_DIR, name);
}

/**
 * Records console errors and uncaught exceptions of a page. `ignore(text, url)`
 * decides which console errors are expected (e.g. an API that is not running).
 */
export function collectErrors(page, ignore = () => false) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location()?.url ?? '';
    if (ignore(msg.text(), url)) return;
    errors.push(`console.error: ${msg.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  return errors;
}

/** The API origins the app was configured with (from /config.js or defaults). */
export async function apiOrigins(page) {
  const config = await page.evaluate(() => window.__MYSPACE_CONFIG__ ?? null);
  const urls = [config?.apiUrl ?? 'http://localhost:4000/graphql', config?.authUrl ?? '/auth'];
  return urls.map((u) => new URL(u, BASE_URL).origin);
}

// axe-core in the page under test: its source is evaluated through the
// DevTools protocol (no <script> tag, so the page's CSP stays as it is), then
// axe.run() checks the document as it is rendered now.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail a test. */
export const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe on `page` (every rule, the experimental ones too — e.g.
 * label-content-name-mismatch) and returns its violations as
 * [{ id, impact, help, targets }].
 */
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const experimental = window.axe.getRules(['experimental']).map((rule) => rule.ruleId);
    const rules = Object.fromEntries(experimental.map((id) => [id, { enabled: true }]));
    const results = await window.axe.run(document, { rules, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

/** One line per violation, for assertion messages and logs. */
export function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`).join('\n');
}

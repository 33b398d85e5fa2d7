// Browser hardening: the built page carries a strict Content Security
// Policy (no inline script, no eval but WebAssembly's, nothing from another
// origin) that the whole app works under without a single violation; and
// text a person types is always shown as text, on screen and in print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useE2E } from './harness.mjs';
import { openApp, addPerson, quickPlan, h1, goToCaseload, listedPeople, pdfText, TEST_TIMEOUT_MS } from './journey.mjs';

const e2e = useE2E();

/** Every CSP violation the page reports, kept on window. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
}

test('a strict Content Security Policy, and the whole app works under it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await recordViolations(page);
  await openApp(e2e);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'self'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|https?:|\*/, 'nothing loose, no other origin');
  assert.equal(await page.locator('meta[name="referrer"]').getAttribute('content'), 'no-referrer');
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script left in the page');

  // A whole journey under the policy: forms, the windowed caseload (its
  // heights are set through the CSSOM), the wheel, the plan, progress,
  // templates and settings.
  const { personId } = await quickPlan(page, 'Sam');
  for (const [route, heading] of [
    ['#/', 'People'],
    [`#/people/${personId}`, 'Sam'],
    [`#/people/${personId}/progress`, 'Progress for Sam'],
    ['#/templates', 'Templates'],
    ['#/settings', 'Settings'],
    ['#/about', 'About Linkwheel'],
  ]) {
    await page.goto(e2e.urlFor(route));
    await h1(page, heading).waitFor();
  }
  await page.goto(e2e.urlFor('#/'));
  assert.deepEqual(await listedPeople(page), ['Sam']);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'no CSP violations');
  e2e.errors.assertNone('CSP');
});

const XSS_NAME = '<img src=x onerror="window.pwned=1">';
const XSS_NOTE = '<script>window.pwned=2</script> & "quotes" \'too\'';

test('what people type is shown as text, on screen and in print', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await recordViolations(page);
  await openApp(e2e);
  await addPerson(page, { preferred: XSS_NAME, full: XSS_NOTE, note: XSS_NOTE });

  // The person page: the name as the heading, the note as text.
  await page.getByRole('heading', { level: 1, name: XSS_NAME, exact: true }).waitFor();
  await page.getByText(XSS_NOTE, { exact: true }).first().waitFor();
  await goToCaseload(page);
  assert.deepEqual(await listedPeople(page), [XSS_NAME]);
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no image was made from the name');
  assert.equal(await page.locator('main script').count(), 0, 'no script was made from the note');

  // Through an assessment and a plan to print: the PDF has the text as typed.
  await page.getByRole('link', { name: new RegExp(XSS_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await page.getByRole('button', { name: 'Start an assessment' }).click();
  await page.getByRole('button', { name: /^Step 14: / }).click();
  await page.getByRole('button', { name: 'Finish and see the wheel' }).click();
  await page.getByRole('button', { name: 'Make an action plan' }).click();
  await h1(page, `Action plan for ${XSS_NAME}`).waitFor();
  await page.getByLabel('What matters to me', { exact: true }).fill(XSS_NOTE);
  await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lw-xss-')), 'plan.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = pdfText(pdf);
  assert.ok(text.includes(XSS_NAME), `the printed name is the text typed:\n${text.slice(0, 400)}`);
  assert.ok(text.includes('<script>window.pwned=2</script>'), 'the printed words are the text typed');

  assert.equal(await page.evaluate(() => window.pwned), undefined, 'nothing typed ever ran');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  e2e.errors.assertNone('typed text');
});

// The first load is the caseload's module alone; the other pages' modules
// (bundles: people, directory, settings) load the first time a route needs
// them, once each, or just before: on a pointer over a link to them, and a
// person's module on the first touch, click or key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import { openApp, addPerson, h1, mainNav, TEST_TIMEOUT_MS } from './journey.mjs';

const e2e = useE2E();
const BUNDLE = /\/(people|directory|settings)-[0-9a-f]{16}(_bg\.wasm|\.js)$/;
const STYLES = /\/(main|print|kiosk)-[0-9a-f]{16}\.css$/;

/** Page requests for bundle files, by bundle name and kind. */
function watchBundles(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(BUNDLE);
    if (m) seen.push(`${m[1]}${m[2] === '.js' ? '.js' : '.wasm'}`);
  });
  return seen;
}

/** Page requests for style sheets, by name. */
function watchStyles(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(STYLES);
    if (m) seen.push(m[1]);
  });
  return seen;
}

/** Whether the style sheet link `id` is switched on and its rules are loaded. */
const stylesOn = (page, id) =>
  page.locator(`link#${id}`).evaluate((link) => !link.disabled && !!link.sheet && link.sheet.cssRules.length > 0);

test('the first load is the caseload alone; each bundle loads once, when first needed', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  const seen = watchBundles(page);
  const styles = watchStyles(page);
  await openApp(e2e);
  await h1(page, 'People').waitFor();
  assert.deepEqual(seen, [], 'no other module with the first load');
  // The print and kiosk styles are not needed for the first screen either.
  assert.deepEqual(styles, ['main'], 'only the main style sheet with the first load');

  // Nothing loads ahead on its own.
  await page.waitForTimeout(1500);
  assert.deepEqual(seen, [], 'nothing more while no one uses the page');
  // A pointer over a link loads that link's module ahead (drawing nothing yet).
  await mainNav(page).getByRole('link', { name: 'Settings', exact: true }).hover();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/settings-[0-9a-f]{16}_bg\.wasm$/.test(e.name)), null, { timeout: 10_000 });
  assert.equal(await page.locator('#app-settings').evaluate((el) => el.childElementCount), 0, 'it draws nothing on the caseload');
  // The first key or click loads a person's pages ahead.
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/people-[0-9a-f]{16}_bg\.wasm$/.test(e.name)), null, { timeout: 10_000 });
  assert.deepEqual(seen.sort(), ['people.js', 'people.wasm', 'settings.js', 'settings.wasm']);
  // A person's pages print their plan: the print styles come with them.
  await page.waitForFunction(() => { const l = document.getElementById('print-css'); return l && !l.disabled && l.sheet; }, null, { timeout: 10_000 });
  assert.equal(await stylesOn(page, 'print-css'), true, 'print styles loaded with the people module');
  assert.equal(await stylesOn(page, 'kiosk-css'), false, 'the kiosk styles wait for the kiosk');
  assert.deepEqual(styles.sort(), ['main', 'print']);

  // Opening people's pages uses it, with nothing more to load.
  await addPerson(page, 'Ada');
  assert.deepEqual(seen.sort(), ['people.js', 'people.wasm', 'settings.js', 'settings.wasm']);

  // The directory and settings: loaded when first visited, once each.
  await mainNav(page).getByRole('link', { name: 'Directory', exact: true }).click();
  await h1(page, 'Community directory').waitFor();
  await mainNav(page).getByRole('link', { name: 'Settings', exact: true }).click();
  await h1(page, 'Settings').waitFor();
  await mainNav(page).getByRole('link', { name: 'Directory', exact: true }).click();
  await h1(page, 'Community directory').waitFor();
  await mainNav(page).getByRole('link', { name: 'People', exact: true }).click();
  await h1(page, 'People').waitFor();
  await page.getByRole('link', { name: /^Ada\b/ }).click();
  await h1(page, 'Ada').waitFor();
  assert.deepEqual(seen.sort(), ['directory.js', 'directory.wasm', 'people.js', 'people.wasm', 'settings.js', 'settings.wasm']);

  // One page at a time: only one module draws, so one main landmark and one header.
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('header.site-header').count(), 1);
  await expectNoAxeViolations(page, 'a person, with every module loaded');
  e2e.errors.assertNone('bundles');
});

test('a link straight to a page of a bundle opens it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e, '#/directory/files');
  await h1(page, 'Import or export the directory').waitFor();
  assert.equal(await page.locator('main').count(), 1);
  // Back to the caseload from there: the first module draws again.
  await mainNav(page).getByRole('link', { name: 'People', exact: true }).click();
  await h1(page, 'People').waitFor();
  assert.equal(await page.locator('main').count(), 1);
  e2e.errors.assertNone('deep link');
});

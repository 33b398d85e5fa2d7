// Offline and installable: after one visit the service worker (sw.js, made
// at build time by tests/tools/sw.mjs) has every file, so Linkwheel starts
// and the whole journey works with no network; a new version waits until
// the user presses "Reload to update"; the web app manifest and its icons
// are what an install needs. Served from a sub-folder, as on a shared web
// server, so the worker's scope is the folder and not the whole site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useE2E, serveDir, expectNoAxeViolations, screenshot, DIST_DIR } from './harness.mjs';
import {
  openApp,
  appReady,
  offlineReady,
  quickPlan,
  readStore,
  h1,
  listedPeople,
  goToCaseload,
  TEST_TIMEOUT_MS,
  WAIT_MS,
} from './journey.mjs';

const e2e = useE2E({ base: '/linkwheel/' });

const READY = 'A new version of Linkwheel is ready.';

/** Every file of a built folder, as paths relative to it. */
function filesIn(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesIn(dir, r) : [r];
  });
}

/** Paths (relative to the page's folder) of everything in the page's Cache Storage. */
function cachedFiles(page) {
  return page.evaluate(async () => {
    const base = new URL('./', location.href).pathname;
    const out = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) out.push(new URL(req.url).pathname.slice(base.length));
    }
    return out.sort();
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR', 'IHDR first');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('after one visit, Linkwheel starts and the whole journey works with no network', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page, context } = e2e;
  await openApp(e2e);
  const sw = await offlineReady(page);
  assert.equal(sw.scope, e2e.url, 'the worker looks after the app’s folder only');
  assert.equal(sw.script, e2e.urlFor('sw.js'));
  const want = filesIn(DIST_DIR).filter((f) => f !== 'sw.js').sort();
  assert.deepEqual(await cachedFiles(page), want, 'every file of dist/ but sw.js is stored, once');

  await context.setOffline(true);
  const responses = [];
  page.on('response', (res) => responses.push(res));
  await page.reload();
  await appReady(page);
  await h1(page, 'People').waitFor();

  // The core journey: a person, an assessment, a plan with a goal.
  const { personId, assessmentId, planId } = await quickPlan(page, 'Sam');
  const [person] = await readStore(page, 'people');
  assert.equal(person.id, personId);
  assert.equal(person.preferred_name, 'Sam');
  const [assessment] = await readStore(page, 'assessments');
  assert.equal(assessment.id, assessmentId);
  assert.equal(assessment.answers.find((a) => a.area_id === 'physical-health')?.score, 4);
  const [plan] = await readStore(page, 'plans');
  assert.equal(plan.id, planId);
  assert.deepEqual(plan.goals.map((g) => g.text), ['Sort out my heating bills']);

  // Opening it again by its other addresses works too.
  for (const rel of ['index.html#/', '?from=home-screen#/']) {
    await page.goto(e2e.urlFor(rel), { waitUntil: 'load' });
    await h1(page, 'People').waitFor();
    assert.deepEqual(await listedPeople(page), ['Sam'], `the caseload at ./${rel}`);
  }

  const fromNetwork = responses.filter((r) => !r.fromServiceWorker()).map((r) => `${r.status()} ${r.url()}`);
  assert.deepEqual(fromNetwork, [], 'while offline, every file came from the service worker');
  assert.ok(responses.some((r) => r.url().endsWith('.wasm')), 'the WebAssembly was among them');
  await context.setOffline(false);
  e2e.errors.assertNone('offline');
});

test('with no network, kiosk mode is turned on and a check-in is done', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page, context } = e2e;
  await openApp(e2e);
  await offlineReady(page);
  await context.setOffline(true);
  const responses = [];
  page.on('response', (res) => responses.push(res));
  await page.goto(e2e.urlFor('#/settings'), { waitUntil: 'load' });
  const section = page.getByRole('region', { name: 'Kiosk mode' });
  await section.waitFor();
  await page.getByLabel('Choose a kiosk PIN').fill('2468');
  await page.getByLabel('Type the PIN again').fill('2468');
  await page.getByRole('button', { name: 'Turn on kiosk mode', exact: true }).click();
  await h1(page, 'Check in with yourself').waitFor();

  // The quick check-in: eight questions, then what matters, through to the end.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('radio', { name: '6', exact: true }).click();
  for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await h1(page, 'What matters to me').waitFor();
  await page.getByLabel('In my own words').fill('Seeing my sister more often');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await h1(page, 'What would you like to work on?').waitFor();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await h1(page, 'Your check-in').waitFor();
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await h1(page, 'Check in with yourself').waitFor();

  const counts = (await readStore(page, 'settings')).find((r) => r.id === 'kiosk_counts')?.value ?? {};
  assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), 1, 'the check-in was counted, offline');
  const fromNetwork = responses.filter((r) => !r.fromServiceWorker()).map((r) => `${r.status()} ${r.url()}`);
  assert.deepEqual(fromNetwork, [], 'while offline, every file came from the service worker');
  assert.ok(responses.some((r) => /\/kiosk-[0-9a-f]{16}_bg\.wasm$/.test(r.url())), 'the kiosk module came from the service worker');
  await context.setOffline(false);
  e2e.errors.assertNone('kiosk offline');
});

test('a new version waits for "Reload to update", and the page reloads under it only then', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  // A copy of dist/ on its own server, to deploy a "new version" into.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-update-'));
  fs.cpSync(DIST_DIR, copy, { recursive: true });
  const server = await serveDir({ dir: copy, base: '/' });
  try {
    const site = { page, urlFor: (rel = '') => new URL(rel, server.url).href };
    await openApp(site);
    await offlineReady(page);
    // Someone is typing a new person's name.
    await page.getByRole('link', { name: 'New person' }).click();
    await h1(page, 'New person').waitFor();
    await page.getByLabel('Preferred name').fill('Jo');
    // A second tab of the same Linkwheel (it offers to take over, as
    // Linkwheel runs in one tab at a time; it still hears of updates).
    const other = await e2e.context.newPage();
    await other.goto(site.urlFor('#/about'), { waitUntil: 'load' });
    const alreadyOpen = other.getByRole('alertdialog', { name: 'Linkwheel is already open' });
    await alreadyOpen.waitFor();
    await offlineReady(other);
    const counted = (p) => {
      const seen = { n: 0 };
      p.on('framenavigated', (frame) => {
        if (frame === p.mainFrame()) seen.n += 1;
      });
      return seen;
    };
    const here = counted(page);
    const there = counted(other);

    // Deploy: index.html changes, and so its revision in sw.js.
    const html = fs.readFileSync(path.join(copy, 'index.html'), 'utf8').replace('<title>', '<meta name=test-release content=2><title>');
    assert.match(html, /test-release/);
    fs.writeFileSync(path.join(copy, 'index.html'), html);
    const swFile = path.join(copy, 'sw.js');
    const revision = crypto.createHash('md5').update(html).digest('hex');
    const code = fs.readFileSync(swFile, 'utf8');
    const updated = code.replace(/(\{url:"index\.html",revision:")[0-9a-f]+(")/, `$1${revision}$2`);
    assert.notEqual(updated, code, 'sw.js lists index.html with a revision');
    fs.writeFileSync(swFile, updated);

    // The browser looks for a new sw.js (as it does on each visit).
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((reg) => reg.update()));
    const banner = page.getByRole('status').filter({ hasText: READY });
    await banner.waitFor({ timeout: WAIT_MS * 2 });
    const button = banner.getByRole('button', { name: 'Reload to update' });
    await button.waitFor();

    // Nothing happens on its own: no reload, the typing is still there, and
    // the page still gets the old files from the old worker.
    await page.waitForTimeout(1500);
    assert.deepEqual([here.n, there.n], [0, 0], 'no reload without the button, in either tab');
    assert.equal(await page.getByLabel('Preferred name').inputValue(), 'Jo');
    assert.doesNotMatch(await page.evaluate(() => fetch('./index.html').then((r) => r.text())), /test-release/, 'the old index.html until the reload');
    assert.equal(await page.locator('meta[name="test-release"]').count(), 0);
    await expectNoAxeViolations(page, 'new version ready');
    await screenshot(page, 'offline-new-version-ready', { fullPage: false });

    // A real button, first in the tab order: Shift+Tab from the skip link
    // (the app's first stop) reaches it, and Enter presses it.
    await page.locator('a.skip-link').focus();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'the keyboard reaches "Reload to update"');
    const reloaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await reloaded;
    await appReady(page);
    assert.equal(here.n, 1, 'exactly one reload');
    assert.equal(await page.locator('meta[name="test-release"]').count(), 1, 'the new index.html');
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { controlled: Boolean(navigator.serviceWorker.controller), waiting: Boolean(reg.waiting), active: reg.active.state };
    });
    assert.deepEqual(state, { controlled: true, waiting: false, active: 'activated' }, 'under the new worker, none waiting');
    assert.equal(await page.getByText(READY).count(), 0, 'the banner is gone');
    await goToCaseload(page);

    // The other tab now has the new worker under its old page: it still
    // never reloads by itself, offers the reload, and its button does it.
    const otherBanner = other.getByRole('status').filter({ hasText: READY });
    await otherBanner.waitFor();
    await other.waitForTimeout(500);
    assert.equal(there.n, 0, 'the other tab did not reload by itself');
    assert.equal(await other.locator('meta[name="test-release"]').count(), 0, 'it still shows the old version');
    const otherReloaded = other.waitForEvent('load');
    await otherBanner.getByRole('button', { name: 'Reload to update' }).click();
    await otherReloaded;
    await alreadyOpen.waitFor();
    assert.equal(await other.locator('meta[name="test-release"]').count(), 1, 'the other tab, reloaded, has the new version');
    e2e.errors.assertNone('update');
  } finally {
    await server.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('installable: the web app manifest and its icons', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const url = new URL(href, page.url()).href;
  assert.equal(url, e2e.urlFor('manifest.webmanifest'));
  const res = await page.request.get(url);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /^application\/manifest\+json/);
  const manifest = await res.json();
  assert.equal(manifest.name, 'Linkwheel');
  assert.equal(manifest.short_name, 'Linkwheel');
  assert.ok(manifest.description.length > 20, 'a description');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.theme_color, '#005eb8');
  assert.equal(manifest.theme_color, await page.locator('meta[name="theme-color"]').getAttribute('content'), 'the same as the page');
  assert.match(manifest.background_color, /^(#fff|#ffffff|white)$/i);
  // Relative, so it works from any folder: here both are the sub-folder.
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(new URL(manifest.start_url, url).href, e2e.url);
  assert.equal(new URL(manifest.scope, url).href, e2e.url);

  const icons = [];
  for (const icon of manifest.icons) {
    assert.equal(icon.type, 'image/png');
    const r = await page.request.get(new URL(icon.src, url).href);
    assert.equal(r.status(), 200, icon.src);
    assert.equal(pngSize(await r.body()), icon.sizes, `${icon.src} is ${icon.sizes}`);
    icons.push(`${icon.sizes} ${icon.purpose ?? 'any'}`);
  }
  assert.deepEqual(icons.sort(), ['192x192 any', '512x512 any', '512x512 maskable']);
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  assert.equal(pngSize(await (await page.request.get(new URL(touch, page.url()).href)).body()), '180x180', 'apple-touch-icon');

  // Chromium's own reading of it: no errors, nothing stopping an install.
  const cdp = await e2e.context.newCDPSession(page);
  await offlineReady(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, [], 'Chromium finds no problem in the manifest');
  // Playwright's browser contexts are incognito profiles, where Chromium
  // never offers an install; that is the only reason allowed.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), [], 'nothing else stops an install');
  await cdp.detach();
  e2e.errors.assertNone('manifest');
});

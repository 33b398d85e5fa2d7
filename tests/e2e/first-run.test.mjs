// A new device's first screen comes from index.html (#first-run), shown by
// static/boot.js when the browser has no Linkwheel database, so a first
// visit over a slow connection shows the real page before the WebAssembly
// has arrived. The app then draws its own copy out of sight and swaps it in
// (platform::first_run_done). These tests hold the first module's .wasm to
// see the copy on its own, then check the swap changes nothing on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useE2E, expectNoAxeViolations, serveDir, DIST_DIR } from './harness.mjs';
import { leaveOutFirstRun } from '../tools/first-run.mjs';
import { h1, TEST_TIMEOUT_MS } from './journey.mjs';

// No service worker: with one, the files come from its copy, which
// page.route cannot hold back (and a device with one is not new).
const e2e = useE2E({ contextOptions: { serviceWorkers: 'block' } });
const MAIN_WASM = /\/linkwheel-[0-9a-f]{16}_bg\.wasm$/;

/** Holds the first module's .wasm until `release()`. */
async function holdMainWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(MAIN_WASM, async (route) => {
    await released;
    await route.continue();
  });
  return { release };
}

/** Records largest-contentful-paint and layout-shift entries from the start. */
function recordPaints() {
  window.__lcp = [];
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp.push({ time: e.startTime, size: e.size, text: (e.element?.textContent || '').slice(0, 40) });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The page inside `selector` as tags, attributes and text, with where each
 *  element is on screen. Ids (and what points at them) and tabindex are left
 *  out (the copy has none, so the page never has two of an id; it names its
 *  region with aria-label instead), and so are
 *  the skip link and "Lock now" (the copy has neither: a skip link would
 *  change the address, and "Lock now" only shows on a protected device). */
function describe(selector) {
  const SKIP = new Set(['id', 'tabindex', 'aria-labelledby', 'aria-label']);
  const out = [];
  const walk = (node, depth) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.textContent.replace(/\s+/g, ' ').trim();
        if (text) out.push(`${'  '.repeat(depth)}"${text}"`);
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      if (child.matches('.skip-link, .lock-now')) continue;
      const attrs = [...child.attributes].filter((a) => !SKIP.has(a.name)).map((a) => `${a.name}=${a.value}`).sort();
      const r = child.getBoundingClientRect();
      const at = [r.x, r.y, r.width, r.height].map((v) => Math.round(v)).join(',');
      out.push(`${'  '.repeat(depth)}<${child.localName} ${attrs.join(' ')}> @${at}`);
      walk(child, depth + 1);
    }
  };
  walk(document.querySelector(selector), 0);
  return out.join('\n');
}

test('a new device sees the caseload before the WebAssembly arrives, and the app takes its place without a change on screen', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await page.addInitScript(recordPaints);
  const wasm = await holdMainWasm(page);
  await page.goto(e2e.urlFor(''), { waitUntil: 'domcontentloaded' });

  const copy = page.locator('#first-run');
  await copy.waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => localStorage.getItem('linkwheel-used')), null, 'a new device');
  await h1(page, 'People').waitFor();
  await page.getByRole('heading', { name: 'No one here yet' }).waitFor();
  await page.getByRole('link', { name: 'New person' }).waitFor();
  assert.equal(await page.locator('#boot').isVisible(), false, '"Loading Linkwheel…" makes way for the page');
  assert.equal(await page.locator('#app-main').isVisible(), false);
  await expectNoAxeViolations(page, 'first screen from index.html');
  const before = await page.evaluate(describe, '#first-run');
  const paintsBefore = await page.evaluate(() => window.__lcp.length);
  assert.ok(paintsBefore >= 1, 'the copy was painted');

  wasm.release();
  await copy.waitFor({ state: 'detached' });
  await page.locator('main#main h1').waitFor();
  // The app's page is the copy, element for element and pixel for pixel.
  const after = await page.evaluate(describe, '#app-main');
  assert.equal(after, before);
  assert.equal(await page.locator('#boot').count(), 0, 'the loading message is gone for good');
  assert.match(await page.title(), /People – Linkwheel/);
  // Nothing moved, and nothing larger was painted by the app.
  await page.waitForTimeout(300);
  const { lcp, shift } = await page.evaluate(() => ({ lcp: window.__lcp, shift: window.__shift }));
  assert.equal(shift, 0, 'no layout shift');
  assert.equal(lcp.length, paintsBefore, `no larger paint after the swap: ${JSON.stringify(lcp)}`);
  // The app's WebAssembly was asked for only once the copy was painted, so
  // the two did not share the connection.
  const { fcp, wasmStart } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    wasmStart: performance.getEntriesByType('resource').find((e) => /\/linkwheel-[0-9a-f]{16}_bg\.wasm$/.test(e.name))?.startTime,
  }));
  // (boot.js stops waiting after 300 ms, for a tab that paints nothing.)
  assert.ok(fcp > 0 && wasmStart >= Math.min(fcp, 300), `first paint at ${fcp} ms, the app's .wasm asked for at ${wasmStart} ms`);
  assert.equal(await page.locator('link[rel=preload][href$="_bg.wasm"]').count(), 0, 'no preload of it');

  // It is the app's page now: its search appears with the first person.
  assert.equal(await page.locator('#search').count(), 0, 'no search box over an empty caseload');
  await expectNoAxeViolations(page, 'caseload after the swap');
  e2e.errors.assertNone('first run');
});

test('the first screen\'s links work before the app has arrived', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  const wasm = await holdMainWasm(page);
  await page.goto(e2e.urlFor(''), { waitUntil: 'domcontentloaded' });
  await page.locator('#first-run').waitFor({ state: 'visible' });
  await page.getByRole('link', { name: 'New person' }).click();
  // The copy goes at once; the page asked for is drawn when its module is in.
  await page.locator('#first-run').waitFor({ state: 'detached' });
  assert.match(page.url(), /#\/people\/new$/);
  wasm.release();
  await h1(page, 'New person').waitFor();
  await page.getByLabel(/Preferred name/).first().waitFor();
  e2e.errors.assertNone('first-run link');
});

/** Notes whether the copy is on screen when the page has been read. */
function watchCopy() {
  document.addEventListener('DOMContentLoaded', () => {
    const copy = document.getElementById('first-run');
    window.__copyShown = !!copy && getComputedStyle(copy).display !== 'none';
  });
}

test('a device that has used Linkwheel, or another address, waits for the app instead', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await page.addInitScript(watchCopy);
  // Another address on a new device: the copy is the caseload, so not here.
  let wasm = await holdMainWasm(page);
  await page.goto(e2e.urlFor('#/directory'), { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => !document.getElementById('first-run'));
  assert.equal(await page.evaluate(() => window.__copyShown), false, 'the copy was not shown');
  wasm.release();
  await h1(page, 'Community directory').waitFor();
  await page.unroute(MAIN_WASM);
  assert.equal(await page.evaluate(() => localStorage.getItem('linkwheel-used')), '1', 'the app noted that the device has used Linkwheel');

  // Now the device has used Linkwheel: the caseload's address waits for the
  // app too, since only the app knows who is on the device.
  await page.goto(e2e.urlFor(''));
  wasm = await holdMainWasm(page);
  await page.reload({ waitUntil: 'domcontentloaded' });
  assert.equal(await page.evaluate(() => window.__copyShown), false, 'the copy was not shown');
  assert.equal(await page.locator('#first-run').count(), 0, 'no copy');
  assert.equal(await page.locator('head link[rel=preload][as=fetch][href$="_bg.wasm"]').count(), 1, 'the app\'s .wasm is preloaded at once');
  assert.equal(await page.locator('#boot').isVisible(), true, '"Loading Linkwheel…" is shown');
  assert.equal(await h1(page, 'People').count(), 0, 'no caseload before the app knows who is here');
  wasm.release();
  await h1(page, 'People').waitFor();
  e2e.errors.assertNone('not first run');
});

test('a device with a database but no note of it (used before the note existed) loses the copy before the app arrives', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await e2e.goto('');
  await h1(page, 'People').waitFor();
  await page.evaluate(() => localStorage.removeItem('linkwheel-used'));
  const wasm = await holdMainWasm(page);
  await page.reload({ waitUntil: 'domcontentloaded' });
  // indexedDB.databases() finds Linkwheel's database: the copy goes, though
  // the app is still held back.
  await page.waitForFunction(() => !document.getElementById('first-run'));
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('first-run')), false);
  assert.equal(await page.locator('#boot').isVisible(), true, '"Loading Linkwheel…" is shown');
  assert.equal(await page.evaluate(() => localStorage.getItem('linkwheel-used')), '1', 'the note is made');
  wasm.release();
  await h1(page, 'People').waitFor();
  e2e.errors.assertNone('database without a note');
});

test('when the app cannot open its database, its message replaces the first screen', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await page.addInitScript(() => {
    // As in a browser whose storage is blocked, though it still lists
    // databases (none): the copy is shown, and the app cannot start.
    IDBFactory.prototype.open = function () { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); };
  });
  await page.goto(e2e.urlFor(''), { waitUntil: 'domcontentloaded' });
  const alert = page.getByRole('alert').filter({ hasText: /Private browsing or a browser setting may be blocking storage/ });
  await alert.waitFor();
  assert.equal(await page.locator('#first-run').count(), 0, 'the copy has gone');
  await page.getByRole('heading', { level: 1, name: 'Linkwheel cannot keep information here' }).waitFor();
  assert.equal(await h1(page, 'People').count(), 0, 'no caseload');
  e2e.errors.assertNone('storage blocked', { ignore: [/^Linkwheel: storage is not available/] });
});

test('a protected device the first screen mistook for new shows its unlock screen, not the copy', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const { page } = e2e;
  await e2e.goto('#/settings');
  await h1(page, 'Settings').waitFor();
  const region = page.getByRole('region', { name: "Protect this device's data" });
  const passphrase = 'correct horse battery';
  await region.getByLabel('New passphrase for this device').fill(passphrase);
  await region.getByLabel('Type the new passphrase again').fill(passphrase);
  await region.getByRole('button', { name: 'Protect with this passphrase' }).click();
  await region.getByRole('heading', { level: 3, name: 'Change the passphrase' }).waitFor({ timeout: 30_000 });
  // No note, and a browser that cannot list its databases: boot.js cannot
  // tell this device from a new one.
  // (Before boot.js runs: a module loaded ahead may have noted it again.)
  await page.addInitScript(() => {
    localStorage.removeItem('linkwheel-used');
    delete IDBFactory.prototype.databases;
  });
  await page.goto(e2e.urlFor('#/'));
  const wasm = await holdMainWasm(page);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('#first-run').waitFor({ state: 'visible' });
  wasm.release();
  await h1(page, 'Linkwheel is locked').waitFor();
  assert.equal(await page.locator('#first-run').count(), 0, 'the copy has gone');
  assert.equal(await page.getByText('No one here yet').count(), 0);
  e2e.errors.assertNone('protected, no note');
});

test('keyboard focus on the first screen moves to the same link on the app\'s page, and nothing loads ahead of the app', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  const early = [];
  let held = true;
  page.on('request', (r) => { if (held && /\/(people|directory|settings|kiosk)-[0-9a-f]{16}/.test(r.url())) early.push(r.url()); });
  const wasm = await holdMainWasm(page);
  await page.goto(e2e.urlFor(''), { waitUntil: 'domcontentloaded' });
  await page.locator('#first-run').waitFor({ state: 'visible' });
  // Through the header by keyboard to "Directory" (focus and keys would
  // load modules ahead, but not before the app itself).
  const directory = page.locator('#first-run').getByRole('link', { name: 'Directory' });
  for (let i = 0; i < 10 && !(await directory.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
  assert.equal(await directory.evaluate((a) => a === document.activeElement), true, 'Directory has focus on the copy');
  await page.waitForTimeout(1700);
  assert.deepEqual(early, [], 'no module loaded ahead while the app is on its way');
  held = false;
  wasm.release();
  await page.locator('#first-run').waitFor({ state: 'detached' });
  const focused = await page.evaluate(() => ({ inApp: !!document.activeElement?.closest('#app-main'), text: document.activeElement?.textContent }));
  assert.deepEqual(focused, { inApp: true, text: 'Directory' });
  await page.keyboard.press('Enter');
  await h1(page, 'Community directory').waitFor();
  e2e.errors.assertNone('focus handed over');
});

test('a build that requires a passphrase first has no copy, and starts as before', { timeout: TEST_TIMEOUT_MS }, async () => {
  // dist/ as post-build.mjs leaves it with LINKWHEEL_REQUIRE_PASSPHRASE=1,
  // apart from the app itself (the set-up screen is tested elsewhere).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-required-'));
  fs.cpSync(DIST_DIR, dir, { recursive: true });
  const html = leaveOutFirstRun(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  assert.doesNotMatch(html, /first-run"?>/, 'the copy is left out');
  assert.match(html, /id=app-main/);
  const site = await serveDir({ dir });
  try {
    const { page } = e2e;
    const wasm = await holdMainWasm(page);
    await page.goto(site.url, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('first-run')), false);
    assert.equal(await page.locator('#boot').isVisible(), true, '"Loading Linkwheel…" is shown');
    assert.equal(await page.locator('head link[rel=preload][as=fetch][href$="_bg.wasm"]').count(), 1, 'the app\'s .wasm is preloaded at once');
    wasm.release();
    await h1(page, 'People').waitFor();
  } finally {
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

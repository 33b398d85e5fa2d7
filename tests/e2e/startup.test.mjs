// Starting up: a plain-words message instead of a blank page when the
// browser cannot keep data or the app cannot load, and no lingering
// "Loading Linkwheel…" once it has started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import { h1, TEST_TIMEOUT_MS } from './journey.mjs';

const e2e = useE2E();

const LOADING = 'Loading Linkwheel…';

test('without IndexedDB the page says so in plain words instead of staying blank', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await page.addInitScript(() => {
    // As in a browser that blocks storage: no window.indexedDB.
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await e2e.goto('');
  const alert = page.getByRole('alert').filter({ hasText: /Private browsing or a browser setting may be blocking storage/ });
  await alert.waitFor();
  assert.equal(await page.getByText(LOADING).count(), 0, 'the loading message is replaced');
  // Give the app time to start (it cannot): a message must still be there,
  // and no half-working app may appear.
  await page.waitForTimeout(1500);
  assert.equal(await alert.isVisible(), true, 'the message stays');
  const heading = page.getByRole('heading', { level: 1, name: /^Linkwheel cannot (keep information here|start)$/ });
  assert.equal(await heading.count(), 1, 'a plain-words heading says what is wrong');
  assert.equal(await h1(page, 'People').count(), 0, 'the caseload is not shown');
  await expectNoAxeViolations(page, 'no IndexedDB');
  e2e.errors.assertNone('no IndexedDB', { ignore: [/^Linkwheel: storage is not available/] });
});

test('without WebAssembly the page says "Linkwheel cannot start"', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await e2e.goto('');
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { name: 'Linkwheel cannot start' }).waitFor({ timeout: 3_000 });
  await alert.getByText(/This browser cannot run Linkwheel/).waitFor();
  assert.equal(await page.getByText(LOADING).count(), 0, 'the loading message is replaced');
});

test('when the WebAssembly file is missing (404) the page says "Linkwheel cannot start"', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  let wasmRequests = 0;
  await page.route(/\.wasm(\?.*)?$/, (route) => {
    wasmRequests += 1;
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
  });
  await e2e.goto('');
  const alert = page.getByRole('alert');
  // Well before boot.js's 30 s fallback timer.
  await alert.getByRole('heading', { name: 'Linkwheel cannot start' }).waitFor({ timeout: 10_000 });
  await alert.getByText(/Please reload the page/).waitFor();
  assert.ok(wasmRequests >= 1, 'the app asked for its .wasm file');
  assert.equal(await page.getByText(LOADING).count(), 0, 'the loading message is replaced');
  await expectNoAxeViolations(page, 'wasm missing');
  // The 404 itself is logged by the browser; nothing else may be.
  e2e.errors.assertNone('wasm 404', { ignore: [/^Failed to load resource: .*404/, /failed to fetch Wasm: 404/] });
});

test('on a normal start the loading message goes once "People" shows', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await e2e.goto('');
  // Before the app runs, the page is not blank.
  const html = await (await page.request.get(e2e.url)).text();
  assert.match(html, /Loading Linkwheel…/, 'index.html carries a loading message');
  await h1(page, 'People').waitFor();
  assert.equal(await page.getByText(LOADING).count(), 0, 'the loading message is gone');
  assert.equal(await page.getByRole('alert').count(), 0, 'no error message');
  assert.match(await page.title(), /People – Linkwheel/);
  e2e.errors.assertNone('normal start');
});

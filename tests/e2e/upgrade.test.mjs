// Two tabs and schema upgrades: a newer Linkwheel (a higher IndexedDB
// version) is never blocked by a tab that is already open, because that tab
// closes its connection and asks to reload; and a tab blocked by an older
// Linkwheel says why, then starts as soon as the other lets go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import { openApp, h1, TEST_TIMEOUT_MS, WAIT_MS } from './journey.mjs';

const e2e = useE2E();

/** Opens the `linkwheel` database at `version` from the page, as a newer
 * release would: 'blocked' if another connection does not let go in time. */
function openAtVersion(page, version) {
  return page.evaluate(
    (v) =>
      new Promise((ok, fail) => {
        const r = indexedDB.open('linkwheel', v);
        const timer = setTimeout(() => ok('still blocked after 5 s'), 5000);
        r.onblocked = () => {}; // may fire briefly; only success in time counts
        r.onupgradeneeded = () => {};
        r.onsuccess = () => {
          clearTimeout(timer);
          const got = r.result.version;
          r.result.close();
          ok(got);
        };
        r.onerror = () => fail(String(r.error));
      }),
    version,
  );
}

function deleteDatabase(page) {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const r = indexedDB.deleteDatabase('linkwheel');
        r.onsuccess = () => ok(true);
        r.onerror = () => fail(String(r.error));
      }),
  );
}

test('a newer version is never blocked: the open tab lets go and asks to reload', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await h1(page, 'People').waitFor();

  // A newer release upgrading the schema (version 4) while this tab holds version 3.
  assert.equal(await openAtVersion(page, 4), 4, 'the upgrade went through at once');

  const dialog = page.getByRole('alertdialog', { name: 'Linkwheel was changed in another tab' });
  await dialog.waitFor({ timeout: WAIT_MS });
  await dialog.getByText('This tab has stopped so nothing is saved twice or lost.', { exact: false }).waitFor();
  const reload = dialog.getByRole('button', { name: 'Reload' });
  assert.equal(await reload.evaluate((b) => b === document.activeElement), true, 'focus is on Reload');
  // The page behind cannot be used while stopped.
  assert.equal(await page.locator('main').evaluate((m) => m.closest('[inert]') !== null), true, 'the app behind is inert');
  await expectNoAxeViolations(page, 'stopped for a newer version');

  // As the new release would: the reload starts afresh (here on a fresh
  // database, as this build only knows version 3).
  assert.equal(await deleteDatabase(page), true);
  await reload.click();
  await h1(page, 'People').waitFor();
  await page.getByRole('heading', { level: 2, name: 'No one here yet' }).waitFor();
  e2e.errors.assertNone('newer version');
});

test('a tab blocked by an older Linkwheel says why, then starts when the other lets go', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page, context } = e2e;
  // Tab A plays an older release: it holds the database at version 1 and
  // ignores versionchange, as releases before this one did.
  await e2e.goto('');
  await h1(page, 'People').waitFor();
  assert.equal(await deleteDatabase(page), true);
  await page.getByRole('alertdialog', { name: 'Linkwheel was changed in another tab' }).waitFor();
  await page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const r = indexedDB.open('linkwheel', 1);
        // Version 1 as the first release made it (src/storage/schema.rs, arm 1).
        r.onupgradeneeded = () => {
          const db = r.result;
          db.createObjectStore('people', { keyPath: 'id' });
          for (const name of ['assessments', 'plans']) {
            db.createObjectStore(name, { keyPath: 'id' }).createIndex('by_person', 'person_id');
          }
          db.createObjectStore('settings', { keyPath: 'id' });
        };
        r.onsuccess = () => {
          window.oldRelease = r.result;
          ok();
        };
        r.onerror = () => fail(String(r.error));
      }),
  );

  // Tab B: this release needs version 3.
  const tab = await context.newPage();
  await tab.goto(e2e.urlFor(''), { waitUntil: 'load' });
  const waiting = tab.getByRole('status').filter({ hasText: 'Close it there, and Linkwheel will start here.' });
  await waiting.waitFor({ timeout: WAIT_MS });
  await tab.getByRole('heading', { level: 1, name: 'Linkwheel is being updated' }).waitFor();
  assert.equal(await h1(tab, 'People').count(), 0, 'the app waits');
  await expectNoAxeViolations(tab, 'waiting for an older tab');

  // The older tab closes: B's upgrade goes ahead and the app starts, with
  // the waiting message gone.
  await page.evaluate(() => window.oldRelease.close());
  await h1(tab, 'People').waitFor({ timeout: WAIT_MS });
  assert.equal(await waiting.count(), 0, 'the waiting message is gone');
  const version = await tab.evaluate(
    () =>
      new Promise((ok) => {
        const r = indexedDB.open('linkwheel');
        r.onsuccess = () => {
          const v = r.result.version;
          r.result.close();
          ok(v);
        };
      }),
  );
  assert.equal(version, 3);
  e2e.errors.assertNone('blocked by an older tab');
});

// Running out of storage: a clear message in plain words, nothing half
// saved, and what was typed is still on the page to try again. The browser's
// quota is set tiny through the DevTools protocol (Storage.overrideQuotaForOrigin).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import { openApp, readStore, h1, TEST_TIMEOUT_MS } from './journey.mjs';

const e2e = useE2E();

/** Sets the origin's storage quota (`null`: the browser's own again). The
 * DevTools session stays open: closing it would end the override. */
const sessions = new WeakMap();
async function quota(page, bytes) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  const origin = new URL(page.url()).origin;
  await sessions.get(page).send('Storage.overrideQuotaForOrigin', bytes == null ? { origin } : { origin, quotaSize: bytes });
}

test('a full device: a plain message, nothing half-saved, and the words typed are kept to try again', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  // The device is full. (Before any person is saved: saving one asks the
  // browser to keep the data, and kept data is not held to this quota.)
  await quota(page, 1);

  // A new person while full: the form says why, keeps what was typed, and
  // no person is stored.
  await page.getByRole('link', { name: 'New person' }).click();
  await h1(page, 'New person').waitFor();
  await page.getByLabel('Preferred name').fill('Bo');
  await page.getByLabel('Note (optional)').fill('Likes the allotment');
  await page.getByRole('button', { name: 'Save person' }).click();
  await page.getByRole('alert').filter({ hasText: 'This device is out of space, so we could not save this person. Free up some space and try again.' }).waitFor();
  assert.equal(await page.getByLabel('Preferred name').inputValue(), 'Bo');
  assert.equal(await page.getByLabel('Note (optional)').inputValue(), 'Likes the allotment');
  assert.deepEqual(await readStore(page, 'people'), [], 'no person stored');
  await expectNoAxeViolations(page, 'out of space');

  // Space again: the same button saves.
  await quota(page, null);
  await page.getByRole('button', { name: 'Save person' }).click();
  await h1(page, 'Bo').waitFor();
  assert.deepEqual((await readStore(page, 'people')).map((p) => [p.preferred_name, p.note]), [['Bo', 'Likes the allotment']]);
  // The console says what failed (for whoever looks after the device); nothing else went wrong.
  e2e.errors.assertNone('out of space', { ignore: [/Linkwheel: storage is full while trying to save/] });
});

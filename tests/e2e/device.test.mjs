// Settings about the device: how the browser keeps Linkwheel's data (kept
// safe from clearing, space used) and deleting everything after typing the
// word, which leaves a fresh start and nothing in IndexedDB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import { openApp, addPerson, expectSaved, readStore, listedPeople, h1, offlineReady, TEST_TIMEOUT_MS } from './journey.mjs';

const e2e = useE2E();

async function openSettings(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await h1(page, 'Settings').waitFor();
}

test('Settings says how the browser keeps the data and how much space it uses', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await addPerson(page, 'Joe');
  // The space used includes the service worker's copy of the app (about
  // 0.8 MB): wait until it is made, so the page and the browser below are
  // asked about the same thing.
  await offlineReady(page);
  await openSettings(page);
  const region = page.getByRole('region', { name: 'Storage on this device' });
  await region.getByText("Clearing this browser's data for this site deletes it", { exact: false }).waitFor();

  // What the page says matches what the browser says.
  const truth = await page.evaluate(async () => ({ persisted: await navigator.storage.persisted(), estimate: await navigator.storage.estimate() }));
  const kept = region.getByTestId('persisted');
  await kept.waitFor();
  assert.match(await kept.textContent(), truth.persisted ? /^Yes: / : /^Not yet: /);
  const space = await region.getByTestId('space').textContent();
  assert.match(space, /^(less than 1 MB|about \d+ MB) used, of about \d+ (MB|GB) this browser allows\.$/);
  assert.equal(/^less than 1 MB/.test(space), truth.estimate.usage < 1e6, `${space} vs ${truth.estimate.usage} bytes`);

  if (!truth.persisted) {
    // Asking gives an answer in words, and the page then shows what the browser decided.
    await region.getByRole('button', { name: 'Ask the browser to keep it' }).click();
    await region.getByRole('status').filter({ hasText: /The browser (has agreed|did not agree)/ }).waitFor();
    const now = await page.evaluate(() => navigator.storage.persisted());
    assert.match(await kept.textContent(), now ? /^Yes: / : /^Not yet: /);
  }
  await expectNoAxeViolations(page, 'settings with storage');
  e2e.errors.assertNone('device storage');
});

test('"Delete all data on this device" needs the word, then leaves nothing behind', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await openSettings(page);
  await expectSaved(page, () => page.getByLabel('Your name').fill('Alex Morgan'));
  await addPerson(page, 'Joe');
  await addPerson(page, 'Sam');
  assert.equal((await readStore(page, 'people')).length, 2);

  await openSettings(page);
  const region = page.getByRole('region', { name: 'Delete all data on this device' });
  const word = region.getByLabel('Type DELETE to confirm');
  const button = region.getByRole('button', { name: 'Delete everything' });

  // The wrong word (or none) deletes nothing and says why, beside the box.
  await word.fill('delete');
  await button.click();
  await region.getByText('To delete everything, type DELETE in capital letters. Nothing has been deleted.').waitFor();
  assert.equal(await word.evaluate((el) => el === document.activeElement), true, 'focus goes to the box');
  assert.equal(await word.getAttribute('aria-invalid'), 'true');
  await expectNoAxeViolations(page, 'delete everything: wrong word');
  assert.equal((await readStore(page, 'people')).length, 2, 'nothing deleted');

  await word.fill('DELETE');
  await button.click();
  // A fresh start: the caseload, empty, and an empty database.
  await page.getByRole('heading', { level: 2, name: 'No one here yet' }).waitFor();
  assert.deepEqual(await listedPeople(page), []);
  assert.deepEqual(await readStore(page, 'people'), []);
  assert.deepEqual(await readStore(page, 'settings'), [], 'the worker details are gone too');
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'this tab carries on: no "changed in another tab"');
  await openSettings(page);
  assert.equal(await page.getByLabel('Your name').inputValue(), '');
  e2e.errors.assertNone('delete everything');
});

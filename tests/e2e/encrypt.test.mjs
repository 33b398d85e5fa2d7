// Encryption at rest and the lock: set a passphrase (refused when short or
// typed differently; the warning that a forgotten one cannot be recovered),
// then nothing entered is stored as plain text in any IndexedDB store; "Lock
// now" leaves no personal data in the page; a wrong passphrase is refused
// with a growing wait; a reload starts locked; Linkwheel locks by itself
// after the idle time; the passphrase can be changed; backup and restore
// still work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import {
  openApp,
  appReady,
  addPerson,
  addContact,
  startAssessment,
  answerStep,
  finishAssessment,
  addGoal,
  goalsRegion,
  editPerson,
  openPerson,
  expectSaved,
  h1,
  mainNav,
  TEST_TIMEOUT_MS,
  WAIT_MS,
} from './journey.mjs';

const e2e = useE2E();
const PASS = 'the quiet heron at dawn';
const NEW_PASS = 'seven lanterns by the canal';
/** Words entered in every kind of personal record, and the worker's name. */
const WORDS = ['Zephyrine', 'Quillfeather', 'marmalade', 'kestrel', 'Orbison', 'tangerine', 'Linkworker'];

/**
 * Every record of every store of the app's database, as text: strings,
 * numbers, field names, and any ArrayBuffer or typed array decoded as UTF-8.
 * Also how many records each store has, and how many are sealed.
 */
async function storedText(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('linkwheel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const out = [];
          const counts = {};
          const sealed = {};
          const decoder = new TextDecoder('utf-8');
          const walk = (v) => {
            if (v === null || v === undefined) return;
            if (typeof v !== 'object') return void out.push(String(v));
            if (v instanceof ArrayBuffer) return void out.push(decoder.decode(new Uint8Array(v)));
            if (ArrayBuffer.isView(v)) return void out.push(decoder.decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
            for (const [k, x] of Object.entries(v)) {
              out.push(k);
              walk(x);
            }
          };
          let left = names.length;
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              counts[name] = req.result.length;
              sealed[name] = req.result.filter((r) => r && typeof r.sealed === 'object').length;
              req.result.forEach(walk);
              if (--left === 0) {
                db.close();
                resolve({ text: out.join('\n'), counts, sealed });
              }
            };
          }
        };
      }),
  );
}

/** Everything the page holds as text: the whole document, its title and every field's value. */
async function pageText(page) {
  return page.evaluate(
    () =>
      [
        document.title,
        document.documentElement.outerHTML,
        ...Array.from(document.querySelectorAll('input, textarea, select'), (el) => el.value),
      ].join('\n'),
  );
}

function assertNoneOf(text, words, where) {
  for (const w of words) assert.ok(!text.includes(w), `${w} is not in ${where}`);
}

function protectRegion(page) {
  return page.getByRole('region', { name: "Protect this device's data" });
}

async function openSettings(page) {
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await h1(page, 'Settings').waitFor();
}

/** In Settings: set the passphrase, and wait until the data is protected. */
async function protect(page, passphrase = PASS) {
  const region = protectRegion(page);
  await region.getByLabel('New passphrase for this device').fill(passphrase);
  await region.getByLabel('Type the new passphrase again').fill(passphrase);
  await region.getByRole('button', { name: 'Protect with this passphrase' }).click();
  await region.getByRole('heading', { level: 3, name: 'Change the passphrase' }).waitFor({ timeout: WAIT_MS * 2 });
}

function lockButton(page) {
  return page.getByRole('banner').getByRole('button', { name: 'Lock now' });
}

function unlockScreen(page) {
  return h1(page, 'Linkwheel is locked');
}

/** On the unlock screen: type `passphrase` and press Unlock. */
async function tryPassphrase(page, passphrase) {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

async function unlock(page, passphrase = PASS) {
  await tryPassphrase(page, passphrase);
  await unlockScreen(page).waitFor({ state: 'detached', timeout: WAIT_MS * 2 });
}

test('protect with a passphrase: nothing personal stored plain; lock, unlock, reload, change the passphrase', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const { page } = e2e;
  await openApp(e2e);

  // First run: the empty caseload offers it, and links to Settings.
  const offer = page.getByRole('region', { name: "Protect this device's data with a passphrase" });
  await offer.waitFor();
  await expectNoAxeViolations(page, 'empty caseload with the offer');
  await offer.getByRole('link', { name: 'Set a passphrase in Settings' }).click();
  await h1(page, 'Settings').waitFor();
  // The worker's details, saved before protecting: plain until then.
  await expectSaved(page, () => page.getByLabel('Your name').fill('Jo Linkworker'));
  assert.ok((await storedText(page)).text.includes('Linkworker'), 'stored plain before protecting');

  const region = protectRegion(page);
  await region.getByText('If the passphrase is forgotten, the data on this device cannot be recovered.').waitFor();
  await region.getByRole('link', { name: 'Back up everything' }).waitFor();
  assert.equal(await lockButton(page).isVisible(), false, 'no Lock now before there is a passphrase');
  // Too short, then typed differently: refused beside the box, nothing changes.
  await region.getByLabel('New passphrase for this device').fill('too short');
  await region.getByLabel('Type the new passphrase again').fill('too short');
  await region.getByRole('button', { name: 'Protect with this passphrase' }).click();
  await region.getByText('Choose a passphrase of at least 10 characters.').waitFor();
  await region.getByLabel('New passphrase for this device').fill(PASS);
  await region.getByLabel('Type the new passphrase again').fill(PASS + '!');
  await region.getByRole('button', { name: 'Protect with this passphrase' }).click();
  await region.getByText('The two passphrases are not the same. Type it again.').waitFor();
  await expectNoAxeViolations(page, 'set-up form with errors');
  assert.equal((await storedText(page)).counts.settings, 1, 'no keyring yet');

  await protect(page);
  await lockButton(page).waitFor();
  await expectNoAxeViolations(page, 'settings, protected');
  assert.ok(!(await storedText(page)).text.includes('Linkworker'), 'sealed when protection was turned on');

  // A person, with words of their own in every kind of record.
  await addPerson(page, { preferred: 'Zephyrine', full: 'Zephyrine Quillfeather', note: 'Loves marmalade sandwiches' });
  await addContact(page, { date: '2026-11-02', note: 'Talked about the kestrel walk' });
  await startAssessment(page);
  await expectSaved(page, () => answerStep(page, { score: 4, matters: 'Singing Orbison songs with friends' }));
  await finishAssessment(page, 'Zephyrine');
  await page.getByRole('button', { name: 'Make an action plan' }).click();
  await h1(page, 'Action plan for Zephyrine').waitFor();
  await addGoal(page, { area: 'Physical health', text: 'Grow a tangerine tree' });

  const stored = await storedText(page);
  assertNoneOf(stored.text, WORDS, 'IndexedDB');
  for (const store of ['people', 'assessments', 'plans', 'contacts']) {
    assert.ok(stored.counts[store] >= 1, `${store} has a record`);
    assert.equal(stored.sealed[store], stored.counts[store], `every ${store} record is sealed`);
  }
  assert.equal(stored.sealed.settings, 1, 'the worker record is sealed');
  assert.ok(stored.text.includes('iterations'), 'the keyring is there, in plain view');

  // Lock now: the unlock screen, and nothing personal anywhere in the page.
  await lockButton(page).click();
  await unlockScreen(page).waitFor();
  assertNoneOf(await pageText(page), WORDS, 'the locked page');
  assert.equal(await page.title(), 'Locked – Linkwheel');
  await expectNoAxeViolations(page, 'unlock screen');

  // A wrong passphrase: a clear message, and a wait before the next try.
  await tryPassphrase(page, 'not the passphrase');
  await page.getByText('That is not the passphrase. You can try again in 2 seconds.').waitFor({ timeout: WAIT_MS * 2 });
  assert.equal(await page.getByRole('button', { name: 'Unlock' }).isDisabled(), true, 'no try during the wait');
  await expectNoAxeViolations(page, 'unlock screen, wrong passphrase');
  await page.getByRole('button', { name: 'Unlock' }).and(page.locator(':enabled')).waitFor({ timeout: WAIT_MS });
  await tryPassphrase(page, 'still not the passphrase');
  await page.getByText('That is not the passphrase. You can try again in 4 seconds.').waitFor({ timeout: WAIT_MS * 2 });
  await page.getByRole('button', { name: 'Unlock' }).and(page.locator(':enabled')).waitFor({ timeout: WAIT_MS });

  // The right one: back where it was.
  await unlock(page);
  await h1(page, 'Action plan for Zephyrine').waitFor();
  await goalsRegion(page).getByRole('heading', { level: 3, name: 'Grow a tangerine tree' }).waitFor();

  // A reload forgets the key: locked again.
  await page.reload();
  await unlockScreen(page).waitFor({ timeout: WAIT_MS * 2 });
  assertNoneOf(await pageText(page), WORDS, 'the page after a reload');
  await unlock(page);
  await h1(page, 'Action plan for Zephyrine').waitFor();
  await openPerson(page, 'Zephyrine');
  await page.getByText('Talked about the kestrel walk').waitFor();

  // Change the passphrase: the old one no longer opens it, the new one does.
  await openSettings(page);
  const change = protectRegion(page);
  await change.getByLabel('Passphrase you use now').fill('not the passphrase');
  await change.getByLabel('New passphrase for this device').fill(NEW_PASS);
  await change.getByLabel('Type the new passphrase again').fill(NEW_PASS);
  await change.getByRole('button', { name: 'Change the passphrase' }).click();
  await change.getByText('That is not the passphrase you use now. Nothing has changed.').waitFor({ timeout: WAIT_MS * 2 });
  await change.getByLabel('Passphrase you use now').fill(PASS);
  await change.getByRole('button', { name: 'Change the passphrase' }).click();
  await change.getByText('The passphrase has been changed. Use the new one from now on.').waitFor({ timeout: WAIT_MS * 2 });
  await change.getByRole('button', { name: 'Lock now' }).click();
  await unlockScreen(page).waitFor();
  await tryPassphrase(page, PASS);
  await page.getByText('That is not the passphrase.', { exact: false }).waitFor({ timeout: WAIT_MS * 2 });
  await page.getByRole('button', { name: 'Unlock' }).and(page.locator(':enabled')).waitFor({ timeout: WAIT_MS });
  await unlock(page, NEW_PASS);
  await h1(page, 'Settings').waitFor();
  await openPerson(page, 'Zephyrine');
  e2e.errors.assertNone('protect, lock and unlock');
});

test('Linkwheel locks by itself after the idle time, and not before', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await page.clock.install();
  await openApp(e2e, '#/settings');
  await protect(page);
  await addPerson(page, { preferred: 'Zephyrine', note: 'Loves marmalade' });

  // Nine minutes without use: still open.
  await page.clock.runFor(9 * 60_000);
  await h1(page, 'Zephyrine').waitFor();
  assert.equal(await unlockScreen(page).count(), 0);
  // Past ten minutes (the default): locked, with nothing personal left.
  await page.clock.runFor(2 * 60_000);
  await unlockScreen(page).waitFor();
  assertNoneOf(await pageText(page), ['Zephyrine', 'marmalade'], 'the page locked for want of use');
  await unlock(page);
  await h1(page, 'Zephyrine').waitFor();

  // A shorter time, chosen in Settings; using the page keeps it open.
  await openSettings(page);
  await protectRegion(page).getByLabel('Lock after this long without use').selectOption({ label: '5 minutes' });
  await protectRegion(page).getByText('Linkwheel now locks after 5 minutes without use.').waitFor();
  await page.clock.runFor(4 * 60_000);
  await page.mouse.move(10, 10);
  await page.mouse.move(20, 20);
  await page.clock.runFor(4 * 60_000);
  await h1(page, 'Settings').waitFor();
  assert.equal(await unlockScreen(page).count(), 0, 'used within the 5 minutes');
  await page.clock.runFor(2 * 60_000);
  await unlockScreen(page).waitFor();
  e2e.errors.assertNone('idle lock');
});

test('backup and restore still work while protected, and what they write is sealed', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-encrypt-'));
  try {
    await openApp(e2e, '#/settings');
    await protect(page);
    await addPerson(page, { preferred: 'Zephyrine', full: 'Zephyrine Quillfeather' });

    // Back up (the backup file has its own passphrase).
    await openSettings(page);
    const backup = page.getByRole('region', { name: 'Back up everything' });
    await backup.getByLabel('Passphrase for the backup').fill('a backup passphrase');
    await backup.getByLabel('Type the passphrase again').fill('a backup passphrase');
    const download = page.waitForEvent('download');
    await backup.getByRole('button', { name: 'Back up everything' }).click();
    const file = path.join(dir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    assertNoneOf(fs.readFileSync(file, 'utf8'), ['Zephyrine', 'Quillfeather'], 'the backup file');

    // Changed afterwards, then the backup replaces everything.
    await openPerson(page, 'Zephyrine');
    await editPerson(page, 'Zephyrine', { full: 'Zephyrine Kestrel' });
    await openSettings(page);
    const restore = page.getByRole('region', { name: 'Restore from a backup' });
    await restore.getByLabel('Backup file').setInputFiles(file);
    await restore.getByLabel('Passphrase of the backup').fill('a backup passphrase');
    await restore.getByRole('button', { name: 'Open the backup' }).click();
    await restore.getByRole('region', { name: 'What the backup holds' }).getByText('1 person', { exact: true }).waitFor({ timeout: WAIT_MS * 2 });
    await restore.getByRole('button', { name: 'Replace everything' }).click();
    await page.getByRole('alertdialog', { name: 'Replace everything on this device?' }).getByRole('button', { name: 'Yes, replace everything' }).click();
    await restore.getByText('Everything on this device has been replaced by the backup.').waitFor({ timeout: WAIT_MS * 2 });
    const stored = await storedText(page);
    assertNoneOf(stored.text, ['Zephyrine', 'Quillfeather', 'Kestrel'], 'IndexedDB after the restore');
    assert.equal(stored.sealed.people, 1, 'the restored person is sealed');

    // Still protected by the same passphrase, with the backup's copy.
    await page.reload();
    await unlockScreen(page).waitFor({ timeout: WAIT_MS * 2 });
    await unlock(page);
    await h1(page, 'Settings').waitFor();
    await openPerson(page, 'Zephyrine');
    await page.getByText('Zephyrine Quillfeather').first().waitFor();
    e2e.errors.assertNone('backup and restore while protected');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an app that starts locked waits for the passphrase on any page', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e, '#/settings');
  await protect(page);
  await addPerson(page, { preferred: 'Zephyrine' });
  // Reloaded on a person's page (another module's route than the unlock
  // screen's): locked, and only the unlock screen is drawn.
  await page.reload();
  await unlockScreen(page).waitFor({ timeout: WAIT_MS * 2 });
  await appReady(page);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  assertNoneOf(await pageText(page), ['Zephyrine'], 'the locked page');
  await unlock(page);
  await h1(page, 'Zephyrine').waitFor();
  e2e.errors.assertNone('locked at start');
});

// Back up everything into one passphrase-locked file, delete everything,
// and restore it; a wrong passphrase or a changed, cut or foreign file
// changes nothing; merging keeps the newer copy; the caseload reminds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import { openApp, addPerson, editPerson, openPerson, readStore, h1, quickPlan, expectSaved, TEST_TIMEOUT_MS } from './journey.mjs';

const e2e = useE2E();
const PASS = 'blue kettle on the shelf';
const STORES = ['people', 'assessments', 'plans', 'contacts', 'templates', 'directory', 'settings'];

async function openSettings(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await h1(page, 'Settings').waitFor();
}

/** Every store, records sorted by key, for comparing whole devices. */
async function everything(page) {
  const all = {};
  for (const s of STORES) {
    const rows = await readStore(page, s);
    all[s] = rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return all;
}

async function backUp(page, dir, { passphrase = PASS, again = passphrase } = {}) {
  const region = page.getByRole('region', { name: 'Back up everything' });
  await region.getByLabel('Passphrase for the backup').fill(passphrase);
  await region.getByLabel('Type the passphrase again').fill(again);
  const download = page.waitForEvent('download');
  await region.getByRole('button', { name: 'Back up everything' }).click();
  const file = path.join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  await region.getByRole('status').filter({ hasText: /^Backup made on / }).waitFor();
  return file;
}

async function openBackup(page, file, passphrase = PASS) {
  const region = page.getByRole('region', { name: 'Restore from a backup' });
  await region.getByLabel('Backup file').setInputFiles(file);
  await region.getByLabel('Passphrase of the backup').fill(passphrase);
  await region.getByRole('button', { name: 'Open the backup' }).click();
  return region;
}

async function refused(page, file, passphrase, reason) {
  const before = await everything(page);
  const region = await openBackup(page, file, passphrase);
  const alert = region.getByRole('alert');
  await alert.getByText(reason, { exact: false }).waitFor();
  await alert.getByText('Nothing on this device has changed.', { exact: false }).waitFor();
  assert.deepEqual(await everything(page), before, `${path.basename(file)}: nothing changed`);
}

test('back up, delete everything, restore: everything comes back; bad files change nothing', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const { page } = e2e;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-backup-'));
  try {
    await openApp(e2e);
    await quickPlan(page, 'Sam');
    await page.goto(page.url().replace(/#.*$/, '#/directory'));
    await page.getByRole('button', { name: 'Load the sample directory' }).click();
    await page.getByText('The sample directory is loaded', { exact: false }).waitFor();
    await openSettings(page);
    await expectSaved(page, () => page.getByLabel('Your name').fill('Alex Morgan'));

    // The caseload reminds: personal data, and no backup yet.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByText('Nothing on this device has been backed up yet.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'caseload with the backup reminder');

    await openSettings(page);
    const region = page.getByRole('region', { name: 'Back up everything' });
    await region.getByText('No backup has been made on this device yet.').waitFor();
    // A short passphrase, then two that differ: refused beside the box, no download.
    await region.getByLabel('Passphrase for the backup').fill('short');
    await region.getByLabel('Type the passphrase again').fill('short');
    await region.getByRole('button', { name: 'Back up everything' }).click();
    await region.getByText('Choose a passphrase of at least 8 characters.').waitFor();
    await region.getByLabel('Passphrase for the backup').fill(PASS);
    await region.getByLabel('Type the passphrase again').fill(PASS + 'x');
    await region.getByRole('button', { name: 'Back up everything' }).click();
    await region.getByText('The two passphrases are not the same. Type it again.').waitFor();
    await expectNoAxeViolations(page, 'backup form with errors');

    const before = await everything(page);
    const file = await backUp(page, dir);
    const text = fs.readFileSync(file, 'utf8');
    const envelope = JSON.parse(text);
    assert.equal(envelope.format, 'linkwheel-backup');
    assert.equal(envelope.version, 1);
    assert.equal(envelope.kdf.iterations, 600000);
    for (const secret of ['Sam Okafor', 'heating bills', 'Walking my dog', 'Alex Morgan', 'Walking Football']) {
      assert.ok(!text.includes(secret), `${secret} is not readable in the backup file`);
    }
    await region.getByText(/^Last backup on this device: \d+ \w+ \d{4}\.$/).waitFor();

    // Gone from the caseload reminder now.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('link', { name: /Sam/ }).first().waitFor();
    assert.equal(await page.getByText('backed up yet', { exact: false }).count(), 0);

    // Delete everything.
    await openSettings(page);
    const del = page.getByRole('region', { name: 'Delete all data on this device' });
    await del.getByLabel('Type DELETE to confirm').fill('DELETE');
    await del.getByRole('button', { name: 'Delete everything' }).click();
    await h1(page, 'People').waitFor();
    await page.waitForFunction(() => location.hash === '#/');
    assert.equal((await readStore(page, 'people')).length, 0);

    await openSettings(page);
    // Bad files and a wrong passphrase: refused, nothing changes.
    const changed = path.join(dir, 'changed.json');
    const e = JSON.parse(text);
    e.data = (e.data[0] === 'A' ? 'B' : 'A') + e.data.slice(1);
    fs.writeFileSync(changed, JSON.stringify(e));
    const cut = path.join(dir, 'cut.json');
    fs.writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    const newer = path.join(dir, 'newer.json');
    fs.writeFileSync(newer, JSON.stringify({ ...envelope, version: 2 }));
    const foreign = path.join(dir, 'people.csv');
    fs.writeFileSync(foreign, 'name,phone\nSam,0123\n');
    await refused(page, file, 'not the passphrase', 'Check the passphrase');
    await expectNoAxeViolations(page, 'restore refused');
    await refused(page, changed, PASS, 'Check the passphrase');
    await refused(page, cut, PASS, 'damaged or incomplete');
    await refused(page, newer, PASS, 'made by a newer Linkwheel');
    await refused(page, foreign, PASS, 'not a Linkwheel backup');

    // The right file and passphrase: what it holds, then replace.
    const restoreRegion = await openBackup(page, file);
    const held = restoreRegion.getByRole('region', { name: 'What the backup holds' });
    await held.getByText('1 person', { exact: true }).waitFor();
    await held.getByText('8 directory entries', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'backup opened');
    await held.getByRole('button', { name: 'Replace everything' }).click();
    await page.getByRole('alertdialog', { name: 'Replace everything on this device?' }).getByRole('button', { name: 'Yes, replace everything' }).click();
    await restoreRegion.getByText('Everything on this device has been replaced by the backup.').waitFor();
    const after = await everything(page);
    // The record of when the last backup was made is itself a setting: the
    // backup holds the one from before it was made.
    after.settings = after.settings.filter((r) => !r.includes('"last_backup"'));
    before.settings = before.settings.filter((r) => !r.includes('"last_backup"'));
    assert.deepEqual(after, before, 'every record is back as it was');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('link', { name: /Sam/ }).first().click();
    await h1(page, 'Sam').waitFor();
    e2e.errors.assertNone('backup and restore');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('merging a backup keeps what is newer on the device and lists it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-merge-'));
  try {
    await openApp(e2e);
    await addPerson(page, { preferred: 'Ada', full: 'Ada Lovelace' });
    await openSettings(page);
    const file = await backUp(page, dir);
    // After the backup: Ada's details change here, and Bo is added.
    await openPerson(page, 'Ada');
    await editPerson(page, 'Ada', { full: 'Ada King' });
    await addPerson(page, 'Bo');

    await openSettings(page);
    const region = await openBackup(page, file);
    await region.getByRole('button', { name: 'Merge into this device' }).click();
    await region.getByText('The backup has been merged into this device.').waitFor();
    await region.getByText('The person \u201cAda\u201d: the copy on this device is newer, so it was kept.').waitFor();
    const people = await readStore(page, 'people');
    assert.deepEqual(people.map((p) => p.preferred_name).sort(), ['Ada', 'Bo']);
    assert.equal(people.find((p) => p.preferred_name === 'Ada').full_name, 'Ada King');
    await expectNoAxeViolations(page, 'merged');
    e2e.errors.assertNone('merge');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

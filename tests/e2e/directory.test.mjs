// The community directory: the sample directory, search and filters,
// favourites, adding, changing and deleting entries, importing (a preview
// first, nothing saved until asked) and exporting, and services on a plan's
// goals (signposted or referred, dated statuses, printed with their contact
// details).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useE2E, expectNoAxeViolations, writeTempSite, REPO_ROOT } from './harness.mjs';
import {
  openApp,
  appReady,
  expectSaved,
  readStore,
  h1,
  addPerson,
  quickPlan,
  goalsRegion,
  pdfText,
  startClockOn,
  eventually,
  longDate,
  isoDaysFromToday,
  goToDirectory,
  directoryLoaded,
  listedServices,
  directoryCount,
  serviceItem,
  serviceCard,
  loadSampleDirectory,
  goToDirectoryFiles,
  checkDirectoryFile,
  importPreview,
  TEST_TIMEOUT_MS,
} from './journey.mjs';

const e2e = useE2E();

const TODAY = '2026-06-15';
const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'directory-e2e');
const fixture = (name) => path.join(FIXTURES, name);
const NOTHING_SAVED = 'Nothing has been saved or changed.';

/** The sample directory's names, as listed (by name, case and accents ignored). */
const SAMPLE = Object.freeze([
  "Carers' Café (sample)",
  'Evening Chat Online (sample)',
  'Friday Community Lunch (sample)',
  'Green Hands Community Garden (sample)',
  'Home Safe Housing Help (sample)',
  'Money and Benefits Drop-in (sample)',
  'Paint and Natter Art Group (sample)',
  'Walking Football (sample)',
]);

/** Wait until the Directory page lists exactly `names`, in order, with the count line `count` (null: not checked). */
async function expectListed(page, names, count, message) {
  await eventually(() => listedServices(page), names, message);
  if (count !== null) assert.equal((await directoryCount(page).textContent()).trim(), count, `${message}: the count line`);
}

/** The directory store, sorted by id so two readings can be compared. */
async function directoryStore(page) {
  return (await readStore(page, 'directory')).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Files to import, written to a temporary folder (removed after the test). */
function tempFiles(files) {
  const site = writeTempSite(files);
  return { path: (name) => path.join(site.dir, name), dir: site.dir, cleanup: site.cleanup };
}

test('the sample directory: search as you type, filters, favourites, out of date, and removed in one step', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, TODAY);
  await openApp(e2e);
  await goToDirectory(page);
  await page.getByRole('heading', { level: 2, name: 'The directory is empty' }).waitFor();
  assert.deepEqual(await readStore(page, 'directory'), []);
  await expectNoAxeViolations(page, 'empty directory');

  await loadSampleDirectory(page);
  await expectListed(page, SAMPLE, '8 entries', 'the sample, by name');
  const stored = await readStore(page, 'directory');
  assert.equal(stored.length, 8);
  assert.ok(stored.every((s) => s.sample === true && s.favourite === false), 'every sample entry is marked sample');
  assert.deepEqual(stored.map((s) => s.name).sort(), [...SAMPLE].sort());
  await expectNoAxeViolations(page, 'directory with the sample');

  // Search as you type: name, description and organisation, any case, accents ignored.
  const search = page.getByRole('searchbox', { name: 'Search the directory' });
  const searches = [
    ['garden', ['Green Hands Community Garden (sample)'], 'Showing 1 of 8 entries'], // name
    ['lonely', ['Evening Chat Online (sample)'], 'Showing 1 of 8 entries'], // description
    ['Hillside', ["Carers' Café (sample)", 'Money and Benefits Drop-in (sample)', 'Paint and Natter Art Group (sample)'], 'Showing 3 of 8 entries'], // organisation
    ['HILLSIDE advice', ["Carers' Café (sample)", 'Money and Benefits Drop-in (sample)'], 'Showing 2 of 8 entries'], // every word, anywhere
    ['cafe', ["Carers' Café (sample)"], 'Showing 1 of 8 entries'],
    ['swimming', [], 'Showing 0 of 8 entries'],
    ['', SAMPLE, '8 entries'],
  ];
  for (const [query, names, count] of searches) {
    await search.fill(query);
    await expectListed(page, names, count, `search "${query}"`);
  }

  // Filters, alone and together.
  const area = page.getByLabel('Life area', { exact: true });
  const cost = page.getByLabel('Cost', { exact: true });
  const referrals = page.getByLabel('Referrals', { exact: true });
  await area.selectOption({ label: 'Money and benefits' });
  await expectListed(page, ['Home Safe Housing Help (sample)', 'Money and Benefits Drop-in (sample)'], 'Showing 2 of 8 entries', 'money and benefits');
  await area.selectOption({ label: 'Friends and social life' });
  const friends = ["Carers' Café (sample)", 'Evening Chat Online (sample)', 'Paint and Natter Art Group (sample)', 'Walking Football (sample)'];
  await expectListed(page, friends, 'Showing 4 of 8 entries', 'friends and social life');
  await cost.selectOption({ label: 'Free only' });
  await expectListed(page, ["Carers' Café (sample)", 'Evening Chat Online (sample)', 'Walking Football (sample)'], 'Showing 3 of 8 entries', 'friends, free');
  await referrals.selectOption({ label: 'Takes referrals' });
  await expectListed(page, ['Evening Chat Online (sample)'], 'Showing 1 of 8 entries', 'friends, free, takes referrals');
  await search.fill('football');
  await expectListed(page, [], 'Showing 0 of 8 entries', 'friends, free, takes referrals, "football"');
  await search.fill('');
  await area.selectOption({ label: 'All life areas' });
  await expectListed(
    page,
    ['Evening Chat Online (sample)', 'Green Hands Community Garden (sample)', 'Home Safe Housing Help (sample)', 'Money and Benefits Drop-in (sample)'],
    'Showing 4 of 8 entries',
    'free, takes referrals',
  );
  await expectNoAxeViolations(page, 'directory filtered');
  await referrals.selectOption({ label: 'Signpost only' });
  await cost.selectOption({ label: 'Costs money' });
  await expectListed(page, ['Friday Community Lunch (sample)', 'Paint and Natter Art Group (sample)'], 'Showing 2 of 8 entries', 'costs money, signpost only');
  await referrals.selectOption({ label: 'Any' });
  await cost.selectOption({ label: 'Any cost' });
  await expectListed(page, SAMPLE, '8 entries', 'no filters');

  // Only the lunch club was last checked over 12 months ago.
  const stale = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Possibly out of date' });
  assert.deepEqual((await stale.getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.trim()), ['Friday Community Lunch (sample)']);
  const lunch = await serviceCard(serviceItem(page, 'Friday Community Lunch (sample)'));
  assert.deepEqual(lunch.tags, ['Signpost only', 'Sample', 'Possibly out of date']);
  assert.equal(lunch.details['Last checked'], longDate(isoDaysFromToday(-400, new Date(`${TODAY}T12:00:00`))));
  assert.equal(lunch.details.Cost, '£3, pay what you can');
  const football = await serviceCard(serviceItem(page, 'Walking Football (sample)'));
  assert.deepEqual(football.tags, ['Signpost only', 'Free', 'Sample']);
  assert.equal(football.details['Last checked'], longDate(TODAY));
  assert.equal(football.details.Phone, '01632 960001');
  assert.equal(football.details.Ages, 'Ages 50 and over');
  assert.equal(football.details['Life areas'], 'Getting active, Friends and social life, Physical health');

  // A favourite: pressed, listed first, saved, and still so after a reload.
  const star = page.getByRole('button', { name: 'Favourite: Walking Football (sample)', exact: true });
  assert.equal(await star.getAttribute('aria-pressed'), 'false');
  await star.click();
  await eventually(() => star.getAttribute('aria-pressed'), 'true', 'the favourite button is pressed');
  await expectListed(page, ['Walking Football (sample)', ...SAMPLE.slice(0, -1)], '8 entries', 'the favourite first');
  await eventually(
    async () => (await readStore(page, 'directory')).filter((s) => s.favourite).map((s) => s.id),
    ['sample-walking-football'],
    'stored as a favourite',
  );
  await page.reload();
  await appReady(page);
  await directoryLoaded(page);
  await expectListed(page, ['Walking Football (sample)', ...SAMPLE.slice(0, -1)], '8 entries', 'the favourite first after a reload');
  assert.equal(await star.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Favourite: Carers\' Café (sample)' }).getAttribute('aria-pressed'), 'false');
  await page.getByRole('checkbox', { name: 'Favourites only' }).check();
  await expectListed(page, ['Walking Football (sample)'], 'Showing 1 of 8 entries', 'favourites only');
  await page.getByRole('checkbox', { name: 'Favourites only' }).uncheck();
  await expectListed(page, ['Walking Football (sample)', ...SAMPLE.slice(0, -1)], '8 entries', 'favourites only, off');

  // An entry of the user's own stays when the sample goes.
  await page.getByRole('link', { name: 'Add an entry' }).click();
  await h1(page, 'New directory entry').waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Tuesday Knitting Circle');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await directoryLoaded(page);
  await expectListed(page, ['Walking Football (sample)', ...SAMPLE.slice(0, -1), 'Tuesday Knitting Circle'], '9 entries', 'own entry added');
  await page.getByRole('button', { name: 'Remove the sample directory' }).click();
  await page.getByText('The sample directory is removed (8 entries). Your own entries are still here.', { exact: true }).waitFor();
  await expectListed(page, ['Tuesday Knitting Circle'], null, 'only the own entry is left');
  const left = await readStore(page, 'directory');
  assert.deepEqual(left.map((s) => [s.name, s.sample]), [['Tuesday Knitting Circle', false]]);
  await page.getByRole('button', { name: 'Load the sample directory' }).waitFor();
  await expectNoAxeViolations(page, 'directory after removing the sample');
  e2e.errors.assertNone('sample directory');
  // Last, so that everything above is checked whatever this says.
  assert.equal((await directoryCount(page).textContent()).trim(), '1 entry', 'one entry is "1 entry", not "1 entries"');
});

test('adding, changing and deleting an entry: refused with a message when the name is missing or the email is wrong', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, TODAY);
  await openApp(e2e);
  await goToDirectory(page);
  await page.getByRole('link', { name: 'Add an entry' }).click();
  await h1(page, 'New directory entry').waitFor();
  assert.equal(await page.getByLabel(/^Details last checked/).inputValue(), TODAY, 'last checked starts at today');
  await expectNoAxeViolations(page, 'new directory entry');

  // No name: refused, focus on the name, nothing stored.
  await page.getByRole('button', { name: 'Save entry' }).click();
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Please check the form' }) });
  await summary.waitFor();
  assert.deepEqual(await summary.getByRole('listitem').allTextContents(), ['Enter the name of the activity or service.']);
  const name = page.getByLabel('Name', { exact: true });
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'service-name', 'focus on the name');
  await expectNoAxeViolations(page, 'new directory entry with an error');
  assert.deepEqual(await readStore(page, 'directory'), []);

  // A name, but an email that is not one: refused.
  const NAME = 'Riverside Walking Group';
  await name.fill(`  ${NAME}  `);
  await page.getByLabel(/^Email/).fill('walks-at-example.org');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await eventually(
    () => summary.getByRole('listitem').allTextContents(),
    ['Enter an email address like name@example.com, or leave it blank.'],
    'the email is refused',
  );
  assert.equal(await page.getByLabel(/^Email/).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), null, 'the name is fine now');
  assert.deepEqual(await readStore(page, 'directory'), []);

  // A good entry.
  await page.getByLabel(/^Email/).fill('walks@example.org');
  await page.getByLabel(/^Organisation that runs it/).fill('Riverside Trust');
  await page.getByLabel(/^What it is/).fill('A gentle hour-long walk by the river, then tea.');
  await page.getByRole('checkbox', { name: 'Getting active', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Friends and social life', exact: true }).check();
  await page.getByLabel(/^Address/).fill('Riverside Park gates, Anytown, AB1 4GH');
  await page.getByLabel(/^Days and times/).fill('Thursdays, 10am to 11am');
  await page.getByRole('checkbox', { name: 'It is free' }).check();
  await page.getByLabel(/^Phone/).fill('01632 960100');
  await page.getByLabel('Referrals').selectOption({ label: 'Takes referrals' });
  await page.getByRole('button', { name: 'Save entry' }).click();
  await directoryLoaded(page);
  await expectListed(page, [NAME], null, 'the new entry is listed'); // the count line for one entry: see the first test
  const card = await serviceCard(serviceItem(page, NAME));
  assert.deepEqual(card.tags, ['Takes referrals', 'Free']);
  assert.deepEqual(card.details, {
    'Life areas': 'Friends and social life, Getting active',
    Where: 'Riverside Park gates, Anytown, AB1 4GH',
    When: 'Thursdays, 10am to 11am',
    Cost: 'Free',
    Phone: '01632 960100',
    Email: 'walks@example.org',
    'Last checked': longDate(TODAY),
  });
  await serviceItem(page, NAME).getByText('Riverside Trust', { exact: true }).waitFor();
  await serviceItem(page, NAME).getByText('A gentle hour-long walk by the river, then tea.', { exact: true }).waitFor();
  const [saved] = await readStore(page, 'directory');
  assert.match(saved.id, /^[0-9a-f-]{36}$/, 'a new id');
  assert.equal(saved.name, NAME, 'the name is trimmed');
  assert.deepEqual(saved.categories, ['friends-social', 'getting-active'], 'life areas in the directory order');
  assert.equal(saved.free, true);
  assert.equal(saved.referral, 'takes_referrals');
  assert.equal(saved.last_checked, TODAY);
  assert.equal(saved.sample, false);
  assert.equal(saved.favourite, false);

  // Change the phone number.
  await page.getByRole('link', { name: `Change ${NAME}`, exact: true }).click();
  await h1(page, `Change ${NAME}`).waitFor();
  assert.equal(await page.getByLabel(/^Phone/).inputValue(), '01632 960100');
  assert.equal(await page.getByRole('checkbox', { name: 'Getting active', exact: true }).isChecked(), true);
  await page.getByLabel(/^Phone/).fill('01632 960199');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await directoryLoaded(page);
  await eventually(async () => (await serviceCard(serviceItem(page, NAME))).details.Phone, '01632 960199', 'the new phone number is shown');
  const changed = await readStore(page, 'directory');
  assert.equal(changed.length, 1);
  assert.deepEqual({ ...changed[0], updated_at: 0 }, { ...saved, phone: '01632 960199', updated_at: 0 }, 'only the phone changed, same id');

  // Delete it, after the confirmation.
  await page.getByRole('link', { name: `Change ${NAME}`, exact: true }).click();
  await h1(page, `Change ${NAME}`).waitFor();
  await page.getByRole('button', { name: 'Delete this entry' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Delete ${NAME}?` });
  await confirm.waitFor();
  await expectNoAxeViolations(page, 'delete a directory entry?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'detached' });
  assert.equal((await readStore(page, 'directory')).length, 1, 'Cancel keeps it');
  await page.getByRole('button', { name: 'Delete this entry' }).click();
  await confirm.getByRole('button', { name: 'Yes, delete it' }).click();
  await directoryLoaded(page);
  await page.getByRole('heading', { level: 2, name: 'The directory is empty' }).waitFor();
  assert.deepEqual(await readStore(page, 'directory'), []);
  e2e.errors.assertNone('directory entry form');
});

test('importing a CSV file and an Open Referral UK file: a preview, Cancel changes nothing, Save saves them all', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  const csv = fs.readFileSync(fixture('directory.csv'), 'utf8');
  assert.ok(csv.startsWith('\ufeff') && csv.includes('\r\n'), 'the CSV fixture keeps its byte order mark and CRLF line ends');

  await startClockOn(page, TODAY);
  await openApp(e2e);
  await goToDirectory(page);
  await loadSampleDirectory(page);
  // The art group is a favourite: an update from a file keeps that.
  await page.getByRole('button', { name: 'Favourite: Paint and Natter Art Group (sample)' }).click();
  await eventually(async () => (await readStore(page, 'directory')).filter((s) => s.favourite).length, 1, 'favourite saved');
  await goToDirectoryFiles(page);
  await expectNoAxeViolations(page, 'import or export');

  // The preview: 2 new, 1 update, row 4 has no name. Rows are counted as a
  // spreadsheet shows them: the line break inside row 2's quotes is not a row.
  let result = await checkDirectoryFile(page, fixture('directory.csv'));
  assert.equal(await result.getAttribute('role'), 'region', `a preview, not a refusal: ${(await result.textContent()).trim()}`);
  const csvPreview = {
    heading: 'Check before saving: “directory.csv”',
    counts: ['2 new entries', '1 update to entries already here', '1 row that cannot be used'],
    rejected: ['row 4: name is missing'],
    new: ["Riverside Men's Shed (test)", 'Chair Yoga (test)'],
    updated: ['Paint and Natter Art Group (sample)'],
  };
  assert.deepEqual(await importPreview(result), csvPreview);
  await result.getByText('This CSV file holds:', { exact: true }).waitFor();
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'directory-import-result', 'focus on the preview');
  await expectNoAxeViolations(page, 'CSV import preview');

  // Cancel: nothing changes.
  const before = await directoryStore(page);
  await result.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('status').filter({ hasText: 'Nothing was imported. The directory has not changed.' }).waitFor();
  assert.deepEqual(await directoryStore(page), before, 'Cancel leaves the directory as it was');

  // Again, and Save: all three in one go.
  result = await checkDirectoryFile(page, fixture('directory.csv'));
  assert.deepEqual(await importPreview(result), csvPreview);
  assert.deepEqual(await directoryStore(page), before, 'checking a file saves nothing');
  await result.getByRole('button', { name: 'Save 3 entries' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved: 2 new entries and 1 update. They are in the directory now.' });
  await saved.waitFor();
  await expectNoAxeViolations(page, 'CSV import saved');
  const after = await directoryStore(page);
  assert.equal(after.length, 10);
  const byName = (list, name) => list.find((s) => s.name === name);
  const shed = byName(after, "Riverside Men's Shed (test)");
  assert.ok(shed, 'the shed is stored');
  assert.equal(shed.id, 'local-riverside-men-s-shed-test-riverside-trust-test', 'an id made from the name and organisation');
  assert.match(shed.description, /^Woodwork, repairs and a brew\.\r?\nNo experience needed\.$/, 'the quoted cell keeps its comma and line break');
  assert.equal(shed.organisation, 'Riverside Trust (test)');
  assert.equal(shed.address, '2 River Lane, Anytown, AB1 3EF');
  assert.equal(shed.times, 'Tuesdays and Thursdays, 10am to 3pm');
  assert.deepEqual([...shed.categories].sort(), ['friends-social', 'work-learning']);
  assert.equal(shed.free, true);
  assert.equal(shed.referral, 'signpost_only');
  assert.equal(shed.last_checked, '2026-05-01');
  assert.equal(shed.sample, false);
  const yoga = byName(after, 'Chair Yoga (test)');
  assert.equal(yoga.free, false);
  assert.equal(yoga.cost, '£2 a class');
  assert.equal(yoga.referral, 'takes_referrals');
  assert.deepEqual([...yoga.categories].sort(), ['getting-active', 'physical-health']);
  const art = after.find((s) => s.id === 'sample-art-group');
  assert.equal(art.times, 'Tuesdays and Fridays, 2pm to 4pm', 'the existing entry is updated');
  assert.equal(art.description, 'A relaxed art group for beginners. Now twice a week.');
  assert.equal(art.favourite, true, 'still a favourite');
  assert.equal(after.filter((s) => s.name === 'Paint and Natter Art Group (sample)').length, 1, 'updated, not added twice');
  assert.ok(!after.some((s) => s.organisation === 'Nobody (test)'), 'the row without a name is not saved');
  for (const s of before.filter((s) => s.id !== 'sample-art-group')) {
    assert.deepEqual(after.find((a) => a.id === s.id), s, `${s.name} is untouched`);
  }

  // The directory lists them.
  await saved.getByRole('link', { name: 'Go to the directory' }).click();
  await directoryLoaded(page);
  await expectListed(
    page,
    ['Paint and Natter Art Group (sample)', "Carers' Café (sample)", 'Chair Yoga (test)', ...SAMPLE.slice(1, 6), "Riverside Men's Shed (test)", 'Walking Football (sample)'],
    '10 entries',
    'the imported entries are listed',
  );
  const shedCard = await serviceCard(serviceItem(page, "Riverside Men's Shed (test)"));
  assert.deepEqual(shedCard.tags, ['Signpost only', 'Free']);
  assert.equal(shedCard.details.Phone, '01632 960101');
  for (const title of ['Friends and social life', 'Work, volunteering and learning']) {
    assert.ok(shedCard.details['Life areas'].includes(title), `the shed helps with ${title}: ${shedCard.details['Life areas']}`);
  }

  // An Open Referral UK file: one good service, one without a name.
  await goToDirectoryFiles(page);
  result = await checkDirectoryFile(page, fixture('services.json'));
  const orukPreview = {
    heading: 'Check before saving: “services.json”',
    counts: ['1 new entry', '0 updates to entries already here', '1 service that cannot be used'],
    rejected: ['service 2: name is missing'],
    new: ['Anytown Befriending Calls (test)'],
    updated: [],
  };
  assert.deepEqual(await importPreview(result), orukPreview);
  await result.getByText('This Open Referral UK file holds:', { exact: true }).waitFor();
  await result.getByRole('button', { name: 'Save 1 entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved: 1 new entry and 0 updates. They are in the directory now.' }).waitFor();
  const withOruk = await directoryStore(page);
  assert.equal(withOruk.length, 11);
  const calls = withOruk.find((s) => s.id === 'oruk-test-befriending');
  assert.ok(calls, 'stored under its Open Referral UK id');
  assert.equal(calls.name, 'Anytown Befriending Calls (test)');
  assert.equal(calls.organisation, 'Anytown Age Friendly (test)');
  assert.equal(calls.phone, '01632 960111');
  assert.equal(calls.email, 'calls@example.org');
  assert.equal(calls.website, 'https://example.org/calls');
  assert.equal(calls.times, 'Mondays and Wednesdays, 10:00 to 12:00');
  assert.equal(calls.free, false);
  assert.equal(calls.cost, '£3 a call');
  assert.deepEqual(calls.categories, ['friends-social']);
  assert.equal(calls.last_checked, '2026-04-01');
  assert.ok(!withOruk.some((s) => s.id === 'oruk-test-nameless'));

  // The same file again: an update of the same entry, not a second one.
  result = await checkDirectoryFile(page, fixture('services.json'));
  assert.deepEqual(await importPreview(result), {
    ...orukPreview,
    counts: ['0 new entries', '1 update to entries already here', '1 service that cannot be used'],
    new: [],
    updated: ['Anytown Befriending Calls (test)'],
  });
  await result.getByRole('button', { name: 'Save 1 entry' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved: 0 new entries and 1 update. They are in the directory now.' }).waitFor();
  const again = await directoryStore(page);
  assert.deepEqual(again.map((s) => s.id), withOruk.map((s) => s.id), 'the same ids, nothing added');
  assert.deepEqual({ ...again.find((s) => s.id === calls.id), updated_at: 0 }, { ...calls, updated_at: 0 });
  e2e.errors.assertNone('directory import');
});

test('a file that cannot be read changes nothing; exports hold the directory and no personal data', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, TODAY);
  await openApp(e2e);
  // Someone on the device whose name must not leave in a directory file.
  await addPerson(page, { preferred: 'Zebedee', full: 'Zebedee Testperson', phone: '07700 900123' });
  await goToDirectory(page);
  await loadSampleDirectory(page);
  await goToDirectoryFiles(page);
  const before = await directoryStore(page);

  const garbage = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe, 0x00, 0x01, 0xc3, 0x28, 0x2c, 0x0a, 0x7f, 0x80]);
  const files = tempFiles({
    'broken.json': '{ "name": "Walking football", "phones": [ oops',
    'notes.json': "Sam's notes\nCall Joe on Tuesday\n",
    'picture.csv': garbage,
    'empty.csv': '',
    'settings.json': '{ "theme": "dark", "size": 3 }',
    'huge.csv': `name,description\r\nBig file,${'x'.repeat(5_000_100)}\r\n`,
  });
  const cases = [
    ['broken.json', /This file is not valid JSON/],
    ['notes.json', /not valid JSON|no name column/], // read as CSV today: it does not start with { or [
    ['picture.csv', /no name column/],
    ['empty.csv', /This file is empty\./],
    ['settings.json', /does not look like Open Referral UK services/],
    ['huge.csv', /larger than 5 MB/],
  ];
  const messages = [];
  try {
    for (const [name, reason] of cases) {
      const result = await checkDirectoryFile(page, files.path(name));
      assert.equal(await result.getAttribute('role'), 'alert', `${name}: refused`);
      await result.getByRole('heading', { name: 'The file was not imported' }).waitFor();
      const message = (await result.getByRole('paragraph').textContent()).trim();
      messages.push(message);
      if (name !== 'huge.csv') assert.ok(message.startsWith(`“${name}” cannot be imported. `), `${name}: says which file: ${message}`);
      assert.match(message, reason, `${name}: says why`);
      assert.ok(message.endsWith(NOTHING_SAVED), `${name}: says nothing changed: ${message}`);
      await eventually(() => page.evaluate(() => document.activeElement?.id), 'directory-import-result', `${name}: focus on the result`);
      if (name === 'broken.json') await expectNoAxeViolations(page, 'directory import refused');
      assert.deepEqual(await directoryStore(page), before, `${name}: the directory is unchanged`);
    }

    // Exports: every entry, no one's personal details.
    const download = async (button) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      const to = files.path(file.suggestedFilename());
      await file.saveAs(to);
      return { name: file.suggestedFilename(), text: fs.readFileSync(to, 'utf8') };
    };
    await page.getByText('Download all 8 entries to share with other link workers.', { exact: false }).waitFor();
    const personal = ['Zebedee', 'Testperson', '07700 900123'];

    const csv = await download('Download as CSV');
    assert.equal(csv.name, `linkwheel-directory-${TODAY}.csv`);
    const lines = csv.text.replace(/^\ufeff/, '').split(/\r?\n/).filter(Boolean);
    assert.match(lines[0], /^id,name,/, `a header row: ${lines[0]}`);
    assert.equal(lines.length, 9, 'the header and 8 entries');
    for (const s of before) {
      assert.ok(csv.text.includes(s.name), `the CSV has ${s.name}`);
      assert.ok(csv.text.includes(s.phone), `the CSV has ${s.phone}`);
    }
    for (const p of personal) assert.ok(!csv.text.includes(p), `the CSV does not have "${p}"`);

    const json = await download('Download as Open Referral UK (JSON)');
    assert.equal(json.name, `linkwheel-directory-${TODAY}.json`);
    const services = JSON.parse(json.text);
    assert.ok(Array.isArray(services), 'an array of services');
    assert.deepEqual(services.map((s) => s.name).sort(), before.map((s) => s.name).sort());
    assert.deepEqual(services.map((s) => s.id).sort(), before.map((s) => s.id));
    for (const p of personal) assert.ok(!json.text.includes(p), `the JSON does not have "${p}"`);

    // What was exported reads back as the same entries: 8 updates, nothing new.
    const back = await checkDirectoryFile(page, files.path(json.name));
    const preview = await importPreview(back);
    assert.deepEqual(preview.counts, ['0 new entries', '8 updates to entries already here', '0 services that cannot be used']);

    const template = await download('Download the CSV template');
    assert.equal(template.name, 'linkwheel-directory-template.csv');
    const rows = template.text.replace(/^\ufeff/, '').split(/\r?\n/).filter(Boolean);
    assert.ok(rows.length >= 2, 'a header row and an example');
    assert.deepEqual(rows[0].split(',').slice(0, 2), ['id', 'name']);
    for (const column of ['description', 'organisation', 'categories', 'phone', 'email', 'times', 'cost', 'referral', 'last_checked']) {
      assert.ok(rows[0].split(',').includes(column), `the template has a ${column} column`);
    }
    for (const p of personal) assert.ok(!template.text.includes(p), `the template does not have "${p}"`);
    assert.deepEqual(await directoryStore(page), before, 'exporting changes nothing');
  } finally {
    files.cleanup();
  }
  e2e.errors.assertNone('directory refusals and exports');
  // Last, so that everything above is checked whatever this says.
  for (const message of messages) {
    assert.equal(message.split('Nothing has been saved').length - 1, 1, `"Nothing has been saved" is said once: ${message}`);
  }
});

test('services on a goal: suggested from the directory, referred and signposted, dated statuses, kept and printed', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, TODAY);
  await openApp(e2e);
  await goToDirectory(page);
  await loadSampleDirectory(page);
  // Sam's assessment marks Physical health and Money and benefits for support;
  // goal 1 ("Sort out my heating bills") is in Money and benefits.
  const { planId } = await quickPlan(page, 'Sam');

  const card = page.getByRole('region', { name: 'From the directory' });
  await card.getByText('Local services for the parts of life marked for support: Physical health, Money and benefits.', { exact: true }).waitFor();
  assert.deepEqual(
    (await card.getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.trim()),
    ['Home Safe Housing Help (sample)', 'Money and Benefits Drop-in (sample)', 'Walking Football (sample)'],
    'the entries for physical health or money and benefits',
  );
  await card.getByText('Helps with: Money and benefits, Home and housing', { exact: true }).first().waitFor();

  const goals = goalsRegion(page);
  await goals.getByRole('heading', { level: 4, name: 'Services and activities' }).waitFor();
  await goals.getByText('None yet.', { exact: true }).waitFor();
  const results = () => goals.locator('.find-service').getByRole('listitem').getByRole('heading', { level: 5 }).allTextContents();

  // With nothing typed, the goal's own part of life.
  await goals.getByRole('button', { name: 'Find a service for goal 1' }).click();
  const search = goals.getByRole('searchbox', { name: 'Search the directory for goal 1' });
  await search.waitFor();
  await eventually(() => page.evaluate(() => document.activeElement?.type), 'search', 'focus on the search box');
  await goals.getByRole('heading', { level: 4, name: 'Suggested for this part of life' }).waitFor();
  assert.deepEqual(await results(), ['Home Safe Housing Help (sample)', 'Money and Benefits Drop-in (sample)']);
  await goals.getByText('2 found.', { exact: true }).waitFor();
  await expectNoAxeViolations(page, 'plan: find a service');

  await search.fill('benefits');
  await goals.getByRole('heading', { level: 4, name: 'Found in the directory' }).waitFor();
  await eventually(results, ['Money and Benefits Drop-in (sample)'], 'search "benefits"');
  const BENEFITS = 'Money and Benefits Drop-in (sample)';
  const HOUSING = 'Home Safe Housing Help (sample)';
  await expectSaved(page, () => goals.getByRole('button', { name: `Refer to ${BENEFITS}`, exact: true }).click());
  await goals.getByText(`${BENEFITS} is on goal 1 now, as referred.`, { exact: true }).waitFor();
  assert.equal(await search.count(), 0, 'the search closes');

  // An attached service: a list item (not the goal's own, which has the h3)
  // with its name and an "Update status" button.
  const attachedItems = goals
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Update status' }) })
    .filter({ hasNot: page.getByRole('heading', { level: 3 }) });
  const attached = (name) => attachedItems.filter({ has: page.getByRole('heading', { level: 5, name, exact: true }) });
  const attachedNames = async () => (await attachedItems.getByRole('heading', { level: 5 }).allTextContents()).map((t) => t.trim());
  await attached(BENEFITS).getByText('Now: Referred').waitFor();
  assert.deepEqual((await serviceCard(attached(BENEFITS))).tags, ['Referred']);
  await attached(BENEFITS).getByText(`Referred (${longDate(TODAY)})`, { exact: true }).waitFor();

  // A second one, signposted. The first shows as already on the goal.
  await goals.getByRole('button', { name: 'Find a service for goal 1' }).click();
  await search.waitFor();
  const benefitsResult = goals.locator('.find-service').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 5, name: BENEFITS }) });
  await benefitsResult.getByText('Already on this goal.').waitFor();
  assert.equal(await goals.getByRole('button', { name: `Refer to ${BENEFITS}` }).count(), 0);
  await search.fill('housing');
  await eventually(results, [HOUSING], 'search "housing"');
  await expectSaved(page, () => goals.getByRole('button', { name: `Signpost to ${HOUSING}`, exact: true }).click());
  await goals.getByText(`${HOUSING} is on goal 1 now, as signposted.`, { exact: true }).waitFor();
  assert.deepEqual(await attachedNames(), [BENEFITS, HOUSING]);
  await attached(HOUSING).getByText('Now: Suggested').waitFor();
  const housingCard = await serviceCard(attached(HOUSING));
  assert.deepEqual(housingCard.tags, ['Signposted']);
  assert.equal(housingCard.details.Phone, '01632 960006');

  // The first: attended, on a date of its own.
  await attached(BENEFITS).getByLabel(`New status for ${BENEFITS}`).selectOption({ label: 'Attended' });
  await attached(BENEFITS).getByLabel('Date', { exact: true }).fill('2026-06-29');
  await expectSaved(page, () => attached(BENEFITS).getByRole('button', { name: 'Update status' }).click());
  await attached(BENEFITS).getByText('Now: Attended').waitFor();
  const history = `Referred (${longDate(TODAY)}), then Attended (29 June 2026)`;
  await attached(BENEFITS).getByText(history, { exact: true }).waitFor();
  await expectNoAxeViolations(page, 'plan with services on a goal');

  const [plan] = await readStore(page, 'plans');
  const stored = plan.goals[0].services;
  assert.deepEqual(
    stored.map((s) => ({ id: s.service.id, connection: s.connection, history: s.history })),
    [
      {
        id: 'sample-benefits-advice',
        connection: 'referred',
        history: [
          { date: TODAY, status: 'referred' },
          { date: '2026-06-29', status: 'attended' },
        ],
      },
      { id: 'sample-housing-help', connection: 'signposted', history: [{ date: TODAY, status: 'suggested' }] },
    ],
  );
  assert.equal(stored[0].service.name, BENEFITS);
  assert.equal(stored[0].service.phone, '01632 960003', 'the plan keeps a copy of the contact details');

  // After a reload, all of it is still there.
  await page.reload();
  await appReady(page);
  await h1(page, 'Action plan for Sam').waitFor();
  assert.match(page.url(), new RegExp(`#/plans/${planId}$`));
  await eventually(attachedNames, [BENEFITS, HOUSING], 'both services after a reload');
  await attached(BENEFITS).getByText(history, { exact: true }).waitFor();
  await attached(HOUSING).getByText('Now: Suggested').waitFor();

  // Remove the second.
  await expectSaved(page, () => goals.getByRole('button', { name: `Remove ${HOUSING} from this goal`, exact: true }).click());
  await eventually(attachedNames, [BENEFITS], 'the signposted one is gone');
  const [after] = await readStore(page, 'plans');
  assert.deepEqual(after.goals[0].services.map((s) => s.service.id), ['sample-benefits-advice']);

  // The printed plan lists the service with its phone number; not the removed one.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-pdf-'));
  try {
    const file = path.join(dir, 'plan.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: file, format: 'A4' });
    const text = pdfText(file);
    assert.ok(text.includes(BENEFITS), `the printed plan names the service:\n${text}`);
    assert.ok(text.includes('01632 960003'), `and its phone number:\n${text}`);
    assert.ok(text.includes('Your link worker has referred you.'), `and how the person was connected:\n${text}`);
    assert.ok(text.includes('Mondays and Thursdays, 9:30am to 12:30pm'), `and when it is on:\n${text}`);
    assert.ok(!text.includes(HOUSING) && !text.includes('01632 960006'), `not the removed one:\n${text}`);
    assert.ok(!text.includes('Walking Football'), `not the directory suggestions:\n${text}`);
    assert.ok(!text.includes('Update status') && !text.includes('Find a service'), 'no buttons on paper');
  } finally {
    await page.emulateMedia({ media: null });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  e2e.errors.assertNone('services on a goal');
});

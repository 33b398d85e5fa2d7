// The episode of support around a person: referral, consent, a
// safeguarding or risk concern, the contact log, and closing (and
// reopening) the episode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import {
  step,
  openApp,
  readStore,
  h1,
  goToCaseload,
  addPerson,
  fillPersonForm,
  editPerson,
  openPerson,
  listedPeople,
  contactsRegion,
  addContact,
  contactLog,
  closeEpisode,
  caseloadCards,
  caseloadCount,
  eventually,
  startClockOn,
  TEST_TIMEOUT_MS,
} from './journey.mjs';

const e2e = useE2E();

const TODAY = '2026-06-15';

const RISK_NOTE = 'Lives alone and has mentioned not eating. Discussed with GP on 14 June.';

test('referral, consent and a risk concern show on the person page and the caseload', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, TODAY);
  await openApp(e2e);
  await addPerson(page, 'Joe');
  const personId = await addPerson(page, { preferred: 'Ravi', full: 'Ravi Shah' });
  assert.equal(await page.getByRole('region', { name: 'Safeguarding or risk concern' }).count(), 0, 'no risk banner yet');

  await step('the person form with the referral, consent and risk fields', async () => {
    await page.getByRole('link', { name: 'Edit details' }).click();
    await h1(page, 'Edit Ravi').waitFor();
    const sources = await page.getByLabel('Who referred them').locator('option').allTextContents();
    assert.deepEqual(sources, ['Not known yet', 'GP', 'Practice nurse', 'Self-referral', 'Community group', 'Hospital', 'Other']);
    // Ticking consent fills in today's date.
    await fillPersonForm(page, { consent: true });
    assert.equal(await page.getByLabel('Date they agreed').inputValue(), TODAY);
    await fillPersonForm(page, {
      referredBy: 'Practice nurse',
      referralDate: '2026-05-02',
      referralReason: 'Low mood since retiring; not going out.',
      consentDate: '2026-05-10',
      consentNote: 'Agreed at the first visit.',
      risk: true,
      riskNote: RISK_NOTE,
    });
    await expectNoAxeViolations(page, 'person form with every field filled in');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await h1(page, 'Ravi').waitFor();
  });

  await step('the person page: a risk banner with the note, and the details', async () => {
    const banner = page.getByRole('region', { name: 'Safeguarding or risk concern' });
    await banner.getByText(RISK_NOTE, { exact: true }).waitFor();
    const details = page.getByRole('region', { name: 'Details' });
    const rows = await details.locator('dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
    assert.deepEqual(Object.fromEntries(rows), {
      'Preferred name': 'Ravi',
      'Full name': 'Ravi Shah',
      'Referred by': 'Practice nurse',
      'Referral received': '2 May 2026',
      'Reason for referral': 'Low mood since retiring; not going out.',
      Consent: 'Agreed to their information being kept on this device',
      'Consent given on': '10 May 2026',
      'Notes about consent': 'Agreed at the first visit.',
    });
    await expectNoAxeViolations(page, 'person page with a risk concern');
    const stored = (await readStore(page, 'people')).find((p) => p.id === personId);
    assert.equal(stored.referral_source, 'Practice nurse');
    assert.equal(stored.referral_date, '2026-05-02');
    assert.equal(stored.consent_given, true);
    assert.equal(stored.consent_date, '2026-05-10');
    assert.equal(stored.risk_flag, true);
    assert.equal(stored.risk_note, RISK_NOTE);
  });

  await step('the caseload marks them "Risk concern"', async () => {
    await goToCaseload(page);
    const cards = await caseloadCards(page);
    assert.deepEqual(cards.map((c) => [c.name, c.tags]), [['Joe', []], ['Ravi', ['Risk concern']]]);
    await expectNoAxeViolations(page, 'caseload with a risk concern');
  });

  await step('a future referral date is refused', async () => {
    await openPerson(page, 'Ravi');
    await page.getByRole('link', { name: 'Edit details' }).click();
    await h1(page, 'Edit Ravi').waitFor();
    await fillPersonForm(page, { referralDate: '2026-06-16' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'The referral date cannot be in the future.' }).waitFor();
    assert.equal(await page.getByLabel('Date the referral came in').getAttribute('aria-invalid'), 'true');
    await expectNoAxeViolations(page, 'person form with a date error');
    assert.equal((await readStore(page, 'people')).find((p) => p.id === personId).referral_date, '2026-05-02', 'not saved');
    await fillPersonForm(page, { referralDate: '2026-05-02' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await h1(page, 'Ravi').waitFor();
  });

  await step('taking the concern off removes the banner and the tag', async () => {
    await editPerson(page, 'Ravi', { risk: false });
    await page.getByRole('region', { name: 'Details' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Safeguarding or risk concern' }).count(), 0);
    await goToCaseload(page);
    assert.deepEqual((await caseloadCards(page)).map((c) => c.tags), [[], []]);
  });
  e2e.errors.assertNone('risk');
});

test('the contact log: newest first, kept after a reload, a blank date refused, removing asks first', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, TODAY);
  await openApp(e2e);
  const personId = await addPerson(page, 'Ravi');
  const log = contactsRegion(page);
  await log.getByText('No contacts logged yet.').waitFor();
  assert.equal(await log.getByLabel('Date', { exact: true }).inputValue(), TODAY, 'the date starts as today');

  // Added out of order.
  await addContact(page, { date: '2026-06-01', how: 'Phone', note: 'Rang to arrange a first visit.' });
  await log.getByRole('status').filter({ hasText: 'Contact on 1 June 2026 added to the log.' }).waitFor();
  await addContact(page, { date: '2026-06-12', how: 'Home visit', note: 'First visit at home.' });
  await addContact(page, { date: '2026-06-05', how: 'Group' });
  const expected = [
    '12 June 2026: Home visit — First visit at home.',
    '5 June 2026: Group',
    '1 June 2026: Phone — Rang to arrange a first visit.',
  ];
  assert.deepEqual(await contactLog(page), expected, 'newest first');
  assert.equal(await log.getByLabel('Short note').inputValue(), '', 'the form is cleared after adding');

  await page.reload();
  await h1(page, 'Ravi').waitFor();
  await eventually(() => contactLog(page), expected, 'the log after a reload');
  const stored = await readStore(page, 'contacts');
  assert.deepEqual(
    stored.map((c) => [c.person_id, c.date, c.kind]).sort((a, b) => a[1].localeCompare(b[1])),
    [
      [personId, '2026-06-01', 'phone'],
      [personId, '2026-06-05', 'group'],
      [personId, '2026-06-12', 'home_visit'],
    ],
  );

  // A blank date: the form says so, and nothing is saved.
  await addContact(page, { date: '', how: 'Video', note: 'Not saved: no date.' });
  const alert = log.getByRole('alert').filter({ hasText: 'Please check the form' });
  await alert.getByRole('link', { name: 'Enter the date of the contact.' }).waitFor();
  const date = log.getByLabel('Date', { exact: true });
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.equal(await date.evaluate((el) => el === document.activeElement), true, 'focus moves to the date');
  await expectNoAxeViolations(page, 'person page with a contact error');
  // A later good contact is written after anything the refused one could
  // have started (IndexedDB keeps the order), so counting now is safe.
  await addContact(page, { date: '2026-06-15', how: 'Video', note: 'Video call.' });
  assert.equal(await alert.count(), 0, 'the error has gone');
  const after = await readStore(page, 'contacts');
  assert.equal(after.length, 4, 'only the contact with a date was saved');
  assert.ok(!after.some((c) => c.note.includes('no date')), 'the refused contact is not stored');
  assert.deepEqual((await contactLog(page))[0], '15 June 2026: Video — Video call.');

  // A date in the future is refused too.
  await addContact(page, { date: '2026-06-16', how: 'Phone' }, { refused: true });
  await log.getByRole('alert').getByRole('link', { name: 'The date of the contact cannot be in the future.' }).waitFor();
  assert.equal((await contactLog(page)).length, 4);

  // A note that is too long: the message stands beside the note too, and
  // the summary's link takes focus there.
  await addContact(page, { date: '2026-06-14', how: 'Phone', note: 'x'.repeat(2001) }, { refused: true });
  const tooLong = 'Keep the note to 2,000 characters or fewer.';
  await log.getByRole('alert').getByRole('link', { name: tooLong }).click();
  const note = log.getByLabel('Short note');
  assert.equal(await note.getAttribute('aria-invalid'), 'true');
  assert.equal(await note.evaluate((el) => el === document.activeElement), true, 'the link moves focus to the note');
  assert.match(await note.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent), new RegExp(tooLong.replace(/[.]/g, '\\.')));
  assert.equal((await contactLog(page)).length, 4, 'nothing saved');
  await note.fill('');

  // Removing a contact asks first.
  await log.getByRole('button', { name: 'Remove the contact on 5 June 2026' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove the contact on 5 June 2026?' });
  await confirm.waitFor();
  await expectNoAxeViolations(page, 'person page, confirm removing a contact');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'detached' });
  assert.equal((await contactLog(page)).length, 4, 'Cancel keeps it');
  await log.getByRole('button', { name: 'Remove the contact on 5 June 2026' }).click();
  await confirm.getByRole('button', { name: 'Yes, remove it' }).click();
  await log.getByRole('status').filter({ hasText: 'Contact removed from the log.' }).waitFor();
  const left = ['15 June 2026: Video — Video call.', expected[0], expected[2]];
  assert.deepEqual(await contactLog(page), left);
  await page.reload();
  await h1(page, 'Ravi').waitFor();
  await eventually(() => contactLog(page), left, 'still removed after a reload');
  assert.deepEqual((await readStore(page, 'contacts')).map((c) => c.date).sort(), ['2026-06-01', '2026-06-12', '2026-06-15']);
  e2e.errors.assertNone('contacts');
});

test('closing an episode hides the person from the caseload until it is reopened', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, TODAY);
  await openApp(e2e);
  await addPerson(page, 'Joe');
  const personId = await addPerson(page, 'Ravi');

  await step('close with an outcome', async () => {
    assert.equal(await page.getByLabel('Date closed').inputValue(), TODAY, 'the date starts as today');
    await closeEpisode(page, { outcome: 'Moved to another service', date: '2026-06-14', note: 'Now with the community mental health team.' });
    const banner = page.getByRole('region', { name: 'This episode is closed' });
    await banner.getByText('Closed on 14 June 2026. Outcome: Moved to another service.', { exact: true }).waitFor();
    await banner.getByText('Now with the community mental health team.', { exact: true }).waitFor();
    await banner.getByRole('button', { name: 'Reopen the episode' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'What next' }).count(), 0, 'nothing to start while closed');
    assert.equal(await page.getByRole('region', { name: 'Close this episode' }).count(), 0, 'no second close');
    await expectNoAxeViolations(page, 'person page, episode closed');
    const stored = (await readStore(page, 'people')).find((p) => p.id === personId);
    assert.deepEqual(stored.closed, { outcome: 'moved_to_another_service', date: '2026-06-14', note: 'Now with the community mental health team.' });
  });

  await step('the caseload hides them, and says so', async () => {
    await goToCaseload(page);
    await eventually(() => listedPeople(page), ['Joe'], 'Ravi is not listed');
    assert.equal(await caseloadCount(page).textContent(), '1 person on this device (1 closed not shown)');
    await page.getByRole('searchbox', { name: 'Search people' }).fill('ravi');
    await caseloadCount(page).filter({ hasText: 'No one matches “ravi” (1 closed not shown)' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search people' }).fill('');

    await page.getByRole('checkbox', { name: 'Show closed episodes' }).check();
    await eventually(async () => (await caseloadCards(page)).map((c) => [c.name, c.tags]), [['Joe', []], ['Ravi', ['Closed']]], 'closed ones shown');
    assert.equal(await caseloadCount(page).textContent(), '2 people on this device');
    await expectNoAxeViolations(page, 'caseload showing closed episodes');
  });

  await step('reopen', async () => {
    await page.getByRole('link', { name: /^Ravi\b/ }).click();
    await h1(page, 'Ravi').waitFor();
    await page.getByRole('button', { name: 'Reopen the episode' }).click();
    await page.getByRole('region', { name: 'What next' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'This episode is closed' }).count(), 0);
    await page.getByRole('button', { name: 'Start an assessment' }).waitFor();
    await eventually(async () => (await readStore(page, 'people')).find((p) => p.id === personId).closed ?? null, null, 'reopened in IndexedDB');
    await goToCaseload(page);
    await eventually(() => listedPeople(page), ['Joe', 'Ravi'], 'Ravi is back');
    assert.equal(await caseloadCount(page).textContent(), '2 people on this device');
    assert.deepEqual((await caseloadCards(page)).map((c) => c.tags), [[], []], 'no "Closed" tag');
  });
  e2e.errors.assertNone('closing');
});

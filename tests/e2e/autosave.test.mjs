// Autosave: what the status calls "Saved" is in IndexedDB, and survives a
// reload or closing the tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E } from './harness.mjs';
import {
  openApp,
  appReady,
  expectSaved,
  saveStatus,
  readStore,
  h1,
  listedPeople,
  addPerson,
  startAssessment,
  expectStep,
  scoreRadio,
  answerStep,
  nextStep,
  stepButton,
  quickPlan,
  goalTexts,
  finishAssessment,
  priorityBox,
  answerUcla,
  STEPS,
  TEST_TIMEOUT_MS,
} from './journey.mjs';

const e2e = useE2E();

const NOTE = 'Seeing my sister more';

test('a reload mid-assessment opens the same step with the note and score in place', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await addPerson(page, 'Ravi');
  const assessmentId = await startAssessment(page);

  await expectSaved(page, () => answerStep(page, { score: 5 }));
  await nextStep(page, 1);
  await expectSaved(page, () => answerStep(page, { score: 7, concerns: ['Feeling low'] }));
  await nextStep(page, 2);
  await expectSaved(page, () => answerStep(page, { score: 3 }));
  // Typing, key by key: "Saving…" while typing, "Saved" after the pause and the commit.
  const said = await expectSaved(page, () => page.getByLabel('What matters to me here').pressSequentially(NOTE, { delay: 15 }));
  assert.ok(said.includes('Saving…'), `the status said "Saving…" before "Saved": ${said.join(' -> ')}`);
  assert.equal(said.at(-1), 'Saved');

  // What the status called "Saved" is in IndexedDB.
  const stored = (await readStore(page, 'assessments')).find((a) => a.id === assessmentId);
  assert.ok(stored, 'the assessment is stored under its id');
  assert.equal(stored.current_step, 2, 'the step the person is on');
  assert.equal(stored.completed, false);
  const answer = (id) => stored.answers.find((a) => a.area_id === id);
  assert.equal(answer('physical-health')?.score, 5);
  assert.equal(answer('mental-wellbeing')?.score, 7);
  assert.deepEqual(answer('mental-wellbeing')?.concerns, ['Feeling low']);
  assert.equal(answer('friends-social')?.score, 3);
  assert.equal(answer('friends-social')?.what_matters, NOTE);

  await page.reload();
  await appReady(page);
  await expectStep(page, 3);
  assert.equal(await scoreRadio(page, 3).isChecked(), true, 'the score is still chosen');
  assert.equal(await page.getByLabel('What matters to me here').inputValue(), NOTE, 'the note is still there');
  assert.equal(await saveStatus(page).textContent(), 'Changes save by themselves');
  for (const n of [1, 2, 3]) assert.match(await stepButton(page, n).getAttribute('aria-label'), /, answered$/);
  assert.match(await stepButton(page, 4).getAttribute('aria-label'), /, not answered yet$/);

  await page.getByRole('button', { name: 'Back' }).click();
  await expectStep(page, 2);
  assert.equal(await scoreRadio(page, 7).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: 'Feeling low', exact: true }).isChecked(), true);
  e2e.errors.assertNone('reload');
});

test('closing the tab and coming back: "Carry on with the assessment" resumes it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const first = e2e.page;
  await openApp(e2e, '', first);
  await addPerson(first, 'Ravi');
  await startAssessment(first);
  await expectSaved(first, () => answerStep(first, { score: 5 }));
  await nextStep(first, 1);
  await expectSaved(first, () => answerStep(first, { score: 2, matters: 'Feeling calmer in the mornings' }));
  await first.close();

  // A new tab in the same browser profile.
  const page = await e2e.context.newPage();
  await openApp(e2e, '', page);
  await h1(page, 'People').waitFor();
  assert.deepEqual(await listedPeople(page), ['Ravi']);
  await page.getByRole('link', { name: /^Ravi\b.*Last assessment: / }).click();
  await h1(page, 'Ravi').waitFor();
  await page.getByText(/: not finished\.\s*$/).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Start (an assessment|a review)$/ }).count(), 0, 'no second assessment is offered');
  await page.getByRole('link', { name: 'Carry on with the assessment', exact: true }).click();
  await expectStep(page, 2);
  assert.equal(await scoreRadio(page, 2).isChecked(), true);
  assert.equal(await page.getByLabel('What matters to me here').inputValue(), 'Feeling calmer in the mornings');
  await page.getByRole('button', { name: 'Back' }).click();
  await expectStep(page, 1);
  assert.equal(await scoreRadio(page, 5).isChecked(), true);
  e2e.errors.assertNone('new tab');
});

test('the plan\'s "What matters to me" survives a reload', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  const { planId } = await quickPlan(page, 'Ravi');
  const WHAT = 'Being able to get out and see people again. And my allotment.';
  const field = page.getByLabel('What matters to me', { exact: true });
  await field.click();
  await field.press('End');
  await expectSaved(page, () => field.pressSequentially(' And my allotment.', { delay: 10 }));

  const plan = (await readStore(page, 'plans')).find((p) => p.id === planId);
  assert.ok(plan, 'the plan is stored under its id');
  assert.equal(plan.what_matters, WHAT);
  assert.equal(plan.review_date, '2027-01-10');
  assert.deepEqual(plan.goals.map((g) => g.text), ['Sort out my heating bills']);

  await page.reload();
  await appReady(page);
  await h1(page, 'Action plan for Ravi').waitFor();
  assert.equal(await page.getByLabel('What matters to me', { exact: true }).inputValue(), WHAT);
  assert.equal(await page.getByLabel('Next review date').inputValue(), '2027-01-10');
  assert.deepEqual(await goalTexts(page), ['Sort out my heating bills']);
  e2e.errors.assertNone('plan reload');
});

test('words typed just before a reload are kept', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await addPerson(page, 'Ravi');
  await startAssessment(page);
  await page.getByLabel('What matters to me here').fill(NOTE); // no pause: reload at once
  await page.reload();
  await appReady(page);
  await expectStep(page, 1);
  assert.equal(await page.getByLabel('What matters to me here').inputValue(), NOTE);
});

test('changes made just before leaving a page are not overwritten by the next page', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await addPerson(page, { preferred: 'Ro' });
  await startAssessment(page);
  await finishAssessment(page, 'Ro');
  // Two ticks and the link in one go, as a fast hand would: the second tick
  // is still being written when the assessment page loads the record.
  await priorityBox(page, 'Getting active').waitFor();
  await page.evaluate(() => {
    document.getElementById('priority-getting-active').click();
    document.getElementById('priority-home-housing').click();
    [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === 'Change answers').click();
  });
  await h1(page, 'Assessment for Ro').waitFor();
  // A finished assessment opens on its last step (the UCLA questions).
  await expectStep(page, STEPS.length);
  await expectSaved(page, () => answerUcla(page, [2]));
  const [stored] = await readStore(page, 'assessments');
  assert.deepEqual([...stored.priorities].sort(), ['getting-active', 'home-housing']);
  assert.equal(stored.ucla3[0], 2, 'the new answer is stored too');
});

// The whole link worker journey, from an empty browser to a printed plan,
// plus caseload search and deleting a person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import {
  AREAS,
  STEPS,
  step,
  openApp,
  expectSaved,
  saveStatus,
  readStore,
  mainNav,
  h1,
  goToCaseload,
  listedPeople,
  addPerson,
  startAssessment,
  expectStep,
  scoreRadio,
  answerStep,
  nextStep,
  stepButton,
  jumpToStep,
  scoreTable,
  priorityBox,
  addGoal,
  fillGoalForm,
  goalsRegion,
  goalTexts,
  expectGoals,
  eventually,
  pdfText,
  quickPlan,
  finishAssessment,
  TEST_TIMEOUT_MS,
} from './journey.mjs';

const e2e = useE2E();

const WORKER = { name: 'Alex Morgan', organisation: 'Northside Health Centre', phone: '01632 960 123' };
const SAM = {
  preferred: 'Sam',
  full: 'Samira Okafor',
  dob: '1961-03-14',
  pronouns: 'she/her',
  phone: '07700 900123',
  email: 'sam@example.org',
  referredBy: 'GP',
  note: 'Prefers morning visits.',
};

test('from an empty browser to a printed plan', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  const BLANK_NAME = 'Enter the name the person likes to be called.';

  await step('empty caseload', async () => {
    await openApp(e2e);
    await h1(page, 'People').waitFor();
    await page.getByRole('heading', { level: 2, name: 'No one here yet' }).waitFor();
    assert.equal(await page.getByText('Loading Linkwheel…').count(), 0, 'the loading message is gone');
    await expectNoAxeViolations(page, 'caseload, empty');
  });

  await step('settings', async () => {
    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await h1(page, 'Settings').waitFor();
    await expectNoAxeViolations(page, 'settings');
    await expectSaved(page, async () => {
      await page.getByLabel('Your name').fill(WORKER.name);
      await page.getByLabel('Organisation').fill(WORKER.organisation);
      await page.getByLabel('Phone').fill(WORKER.phone);
    });
    await expectSaved(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());
    const stored = (await readStore(page, 'settings')).find((r) => r.id === 'worker');
    assert.deepEqual(stored?.value, WORKER, 'the worker details are stored');
    await page.reload();
    await h1(page, 'Settings').waitFor();
    assert.equal(await page.getByLabel('Your name').inputValue(), WORKER.name, 'settings survive a reload');
  });

  await step('about', async () => {
    await mainNav(page).getByRole('link', { name: 'About' }).click();
    await h1(page, 'About Linkwheel').waitFor();
    await expectNoAxeViolations(page, 'about');
  });

  await step('a blank preferred name is refused and nothing is saved', async () => {
    await goToCaseload(page);
    await page.getByRole('link', { name: 'New person' }).click();
    await h1(page, 'New person').waitFor();
    await expectNoAxeViolations(page, 'person form');
    await page.getByLabel('Full name').fill('Nobody Saved');
    await page.getByLabel('Preferred name').fill('   ');
    await page.getByRole('button', { name: 'Save person' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Please check the form' });
    await alert.waitFor();
    await alert.getByRole('link', { name: BLANK_NAME }).waitFor();
    const name = page.getByLabel('Preferred name');
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    const description = await name.evaluate((el) =>
      (el.getAttribute('aria-describedby') || '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    );
    assert.ok(description.includes(BLANK_NAME), `the message is tied to the field (aria-describedby): "${description}"`);
    assert.equal(await name.evaluate((el) => el === document.activeElement), true, 'focus moves to the field with the problem');
    await h1(page, 'New person').waitFor(); // still on the form
    await expectNoAxeViolations(page, 'person form with an error');
    assert.deepEqual(await readStore(page, 'people'), [], 'nothing was stored');
    await goToCaseload(page);
    await page.getByRole('heading', { level: 2, name: 'No one here yet' }).waitFor();
  });

  await step('register a person', async () => {
    await addPerson(page, SAM);
    const details = page.getByRole('region', { name: 'Details' });
    for (const text of ['Samira Okafor', '14 March 1961', 'she/her', '07700 900123', 'sam@example.org', 'GP', 'Prefers morning visits.']) {
      await details.getByText(text, { exact: true }).waitFor();
    }
    await page.getByRole('link', { name: 'Edit details' }).waitFor();
    await page.getByText('No assessments yet.').waitFor();
    await expectNoAxeViolations(page, 'person page');
  });

  await step('the caseload lists them', async () => {
    await goToCaseload(page);
    assert.deepEqual(await listedPeople(page), ['Sam']);
    await page.getByRole('status').filter({ hasText: /^1 person on this device$/ }).waitFor();
    await expectNoAxeViolations(page, 'caseload with people');
    await page.getByRole('link', { name: /^Sam\b/ }).click();
    await h1(page, 'Sam').waitFor();
  });

  await step('assessment', async () => {
    await startAssessment(page);
    assert.equal(await page.getByRole('button', { name: 'Back' }).count(), 0, 'no Back on step 1');
    assert.equal(await saveStatus(page).textContent(), 'Changes save by themselves');
    // Step 1: everything.
    await expectSaved(page, () =>
      answerStep(page, {
        score: 4,
        concerns: ['Pain', 'Sleep'],
        own: ['Cannot manage the stairs'],
        matters: 'Walking my dog without pain',
        support: true,
      }),
    );
    await expectNoAxeViolations(page, 'assessment step 1');
    // Step 2: a score and a worry.
    await nextStep(page, 1);
    await answerStep(page, { score: 6, concerns: ['Worry or stress'] });
    // Step 3: no score, but words and a worry.
    await nextStep(page, 2);
    await answerStep(page, { concerns: ['Not seeing people'], matters: 'Seeing my sister more' });
    // Jump ahead to step 5 with the step list.
    await jumpToStep(page, 5);
    await answerStep(page, { score: 2, concerns: ['Debt', 'Heating'], support: true });
    // Back goes to step 4.
    await page.getByRole('button', { name: 'Back' }).click();
    await expectStep(page, 4);
    await answerStep(page, { score: 8 });
    await jumpToStep(page, 8);
    await answerStep(page, { score: 3, support: true });
    // Step 9: 0 is a score, not "not scored".
    await nextStep(page, 8);
    await answerStep(page, { score: 0 });
    await jumpToStep(page, 12);
    await expectSaved(page, () => answerStep(page, { score: 7 }));
    // The last life area is not the last step: two optional measures follow.
    assert.equal(await page.getByRole('button', { name: 'Finish and see the wheel' }).count(), 0, 'no Finish on step 12');
    await nextStep(page, 12);
    assert.equal(await page.getByRole('button', { name: 'Finish and see the wheel' }).count(), 0, 'no Finish on step 13');
    await nextStep(page, 13);
    assert.equal(await page.getByRole('button', { name: 'Next', exact: true }).count(), 0, 'no Next on the last step');
    assert.equal(await page.getByRole('button', { name: 'Finish and see the wheel' }).count(), 1, 'Finish on step 14');

    // The step list says which steps have answers (the measures were skipped).
    assert.equal(await page.getByRole('navigation', { name: 'All steps' }).getByRole('button').count(), STEPS.length);
    const answered = [1, 2, 3, 4, 5, 8, 9, 12];
    for (let n = 1; n <= STEPS.length; n++) {
      const name = await stepButton(page, n).getAttribute('aria-label');
      assert.ok(name.endsWith(answered.includes(n) ? ', answered' : ', not answered yet'), `step list: ${name}`);
    }
    assert.equal(await stepButton(page, 14).getAttribute('aria-current'), 'step');

    // What was given on step 1 is still there when we come back to it.
    await jumpToStep(page, 1);
    assert.equal(await scoreRadio(page, 4).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'Pain', exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'Tiredness', exact: true }).isChecked(), false);
    assert.equal(await page.getByRole('checkbox', { name: /^Cannot manage the stairs\s*own words$/ }).isChecked(), true);
    assert.equal(await page.getByLabel('What matters to me here').inputValue(), 'Walking my dog without pain');
    assert.equal(await page.getByRole('checkbox', { name: 'I would like support with this' }).isChecked(), true);

    await jumpToStep(page, 14);
    await page.getByRole('button', { name: 'Finish and see the wheel' }).click();
    await h1(page, 'Wheel of life for Sam').waitFor();
  });

  await step('summary', async () => {
    const wheel = page.getByRole('img', { name: 'Wheel of life', exact: true });
    await wheel.waitFor();
    const desc = await wheel.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
    assert.match(desc, /Physical health: 4 out of 10/);
    assert.match(desc, /Daily living and looking after yourself: 0 out of 10/);
    assert.match(desc, /Home and housing: Not scored/);
    await page.getByText('7 of 12 parts of life scored.', { exact: false }).waitFor();

    const table = await scoreTable(page);
    const expected = {
      'Physical health': ['4 out of 10', 'Yes'],
      'Mental and emotional wellbeing': ['6 out of 10', 'No'],
      'Friends and social life': ['Not scored', 'No'],
      'Family and relationships': ['8 out of 10', 'No'],
      'Money and benefits': ['2 out of 10', 'Yes'],
      'Home and housing': ['Not scored', 'No'],
      'Work, volunteering and learning': ['Not scored', 'No'],
      'Getting active': ['3 out of 10', 'Yes'],
      'Daily living and looking after yourself': ['0 out of 10', 'No'],
      'Hobbies, creativity and fun': ['Not scored', 'No'],
      'Faith, meaning and purpose': ['Not scored', 'No'],
      'Culture, identity and community': ['7 out of 10', 'No'],
    };
    assert.deepEqual(Object.keys(table), AREAS, 'one row per life area, in order');
    assert.deepEqual(
      Object.fromEntries(Object.entries(table).map(([k, v]) => [k, [v.score, v.support]])),
      expected,
    );

    // Support was asked for in these: they are marked "suggested".
    for (const area of ['Physical health', 'Money and benefits', 'Getting active']) {
      assert.equal(await page.getByRole('checkbox', { name: `${area} suggested`, exact: true }).count(), 1, `${area} suggested`);
    }
    await expectNoAxeViolations(page, 'summary');

    // Choose three priorities: the rest become disabled.
    await expectSaved(page, async () => {
      await priorityBox(page, 'Money and benefits').check();
      await priorityBox(page, 'Physical health').check();
      await priorityBox(page, 'Getting active').check();
    });
    await page.getByText('3 of 3 chosen.').waitFor();
    assert.equal(await priorityBox(page, 'Home and housing').isDisabled(), true, 'a 4th priority is disabled');
    assert.equal(await priorityBox(page, 'Culture, identity and community').isDisabled(), true);
    assert.equal(await priorityBox(page, 'Getting active').isDisabled(), false, 'chosen ones can be unticked');
    // Untick one: the others come back; tick it again.
    await priorityBox(page, 'Getting active').uncheck();
    await page.getByText('2 of 3 chosen.').waitFor();
    assert.equal(await priorityBox(page, 'Home and housing').isDisabled(), false);
    await expectSaved(page, () => priorityBox(page, 'Getting active').check());
    const [stored] = await readStore(page, 'assessments');
    assert.deepEqual(stored.priorities, ['money-benefits', 'physical-health', 'getting-active']);
    assert.equal(stored.completed, true);

    await page.getByRole('button', { name: 'Make an action plan' }).click();
    await h1(page, 'Action plan for Sam').waitFor();
  });

  await step('action plan', async () => {
    await page.getByText('Working on first: Money and benefits, Physical health, Getting active.').waitFor();
    await page.getByText('The plan shows Alex Morgan as the person to contact.').waitFor();
    await expectNoAxeViolations(page, 'plan');
    await expectSaved(page, () => page.getByLabel('What matters to me', { exact: true }).fill('Being able to get out and see people again.'));

    // A goal without words is refused.
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByRole('form', { name: 'Add a goal' }).waitFor();
    await expectNoAxeViolations(page, 'plan with the goal form open');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await page.getByText('Write the goal in the person\'s own words.').waitFor();
    await page.getByText('Choose the part of life this goal is about.').waitFor();
    await expectNoAxeViolations(page, 'goal form with errors');
    await fillGoalForm(page, {
      area: 'Money and benefits',
      text: 'Sort out my heating bills',
      firstStep: 'Call the energy company on Monday',
      whoCanHelp: 'Citizens Advice',
      target: '2026-12-15',
      term: 'Short-term',
    });
    await page.getByRole('button', { name: 'Save goal' }).click();
    await goalsRegion(page).getByRole('heading', { level: 3, name: 'Sort out my heating bills' }).waitFor();

    await addGoal(page, { area: 'Getting active', text: 'Try walking football', firstStep: 'Ring the club', term: 'Long-term' });
    await addGoal(page, { area: 'Physical health', text: 'See the physio', term: 'Short-term' });
    await expectGoals(page, ['Sort out my heating bills', 'Try walking football', 'See the physio']);

    // Reorder.
    await page.getByRole('button', { name: 'Move goal 2 up' }).click();
    await expectGoals(page, ['Try walking football', 'Sort out my heating bills', 'See the physio']);
    assert.equal(await page.getByRole('button', { name: 'Move goal 1 up' }).count(), 0, 'the first goal cannot move up');
    assert.equal(await page.getByRole('button', { name: 'Move goal 3 down' }).count(), 0, 'the last goal cannot move down');
    await expectSaved(page, () => page.getByRole('button', { name: 'Move goal 3 up' }).click());
    await expectGoals(page, ['Try walking football', 'See the physio', 'Sort out my heating bills']);
    await expectSaved(page, () => page.getByRole('button', { name: 'Move goal 2 down' }).click());
    await expectGoals(page, ['Try walking football', 'Sort out my heating bills', 'See the physio']);

    // Change goal 1.
    await page.getByRole('button', { name: 'Change goal 1' }).click();
    const form = page.getByRole('form', { name: 'Change this goal' });
    await form.waitFor();
    assert.equal(await form.getByLabel("The goal, in the person's words").inputValue(), 'Try walking football');
    assert.equal(await form.getByRole('radio', { name: 'Long-term' }).isChecked(), true);
    // While one goal is being changed, the others wait (a second form would lose what is typed).
    assert.equal(await page.getByRole('button', { name: /^(Change|Remove|Move) goal [23]/ }).count(), 0, 'other goals have no buttons while a form is open');
    await expectSaved(page, async () => {
      await fillGoalForm(page, { text: 'Try walking football with my neighbour', whoCanHelp: 'My neighbour Pat' });
      await form.getByRole('button', { name: 'Save goal' }).click();
    });
    await expectGoals(page, ['Try walking football with my neighbour', 'Sort out my heating bills', 'See the physio']);
    await goalsRegion(page).getByText('My neighbour Pat').waitFor();

    // Remove goal 3: Cancel keeps it, "Yes, remove it" removes it.
    await page.getByRole('button', { name: 'Remove goal 3' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove goal 3?' });
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'plan, confirm removing a goal');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal((await goalTexts(page)).length, 3, 'Cancel keeps the goal');
    await page.getByRole('button', { name: 'Remove goal 3' }).click();
    await expectSaved(page, () => confirm.getByRole('button', { name: 'Yes, remove it' }).click());
    await expectGoals(page, ['Try walking football with my neighbour', 'Sort out my heating bills']);

    await expectSaved(page, () => page.getByLabel('Next review date').fill('2027-01-10'));
    const [plan] = await readStore(page, 'plans');
    assert.equal(plan.review_date, '2027-01-10');
    assert.equal(plan.what_matters, 'Being able to get out and see people again.');
    assert.deepEqual(plan.goals.map((g) => g.text), ['Try walking football with my neighbour', 'Sort out my heating bills']);
  });

  await step('print', async () => {
    await page.evaluate(() => {
      window.__printCalls = 0;
      window.print = () => {
        window.__printCalls += 1;
      };
    });
    await page.getByRole('button', { name: 'Print my plan' }).click();
    await page.waitForFunction(() => window.__printCalls === 1, null, { timeout: 5000 });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-pdf-'));
    try {
      const file = path.join(dir, 'plan.pdf');
      await page.pdf({ path: file, format: 'A4' });
      const text = pdfText(file);
      assert.match(text, /my action plan/i, 'the document title (printed in capitals)');
      for (const want of [
        'Sam',
        'What matters to me',
        'Being able to get out and see people again.',
        '1. Try walking football with my neighbour',
        '2. Sort out my heating bills',
        'Call the energy company on Monday',
        'Citizens Advice',
        '15 December 2026',
        'Money and benefits',
        'Who to contact',
        `Your link worker: ${WORKER.name}`,
        WORKER.organisation,
        `Phone: ${WORKER.phone}`,
        'Next review: 10 January 2027',
      ]) {
        assert.ok(text.includes(want), `the printed plan should contain "${want}":\n${text}`);
      }
      for (const unwanted of ['Skip to main content', 'Settings', 'Add a goal', 'Print my plan', 'See the physio', 'Remove', 'Move up']) {
        assert.ok(!text.includes(unwanted), `the printed plan should not contain "${unwanted}":\n${text}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  await step('the person page shows the plan and review date', async () => {
    await page.getByRole('link', { name: 'Back to Sam' }).click();
    await h1(page, 'Sam').waitFor();
    await page.getByText('Next review: 10 January 2027').waitFor();
    await page.getByRole('link', { name: 'Open the action plan' }).waitFor();
    await page.getByRole('link', { name: /^See the wheel from / }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start a review' }).count(), 1, 'the finished assessment can be followed by a review');
    assert.equal(await page.getByRole('button', { name: 'Start an assessment' }).count(), 0, 'it is called a review now');
  });

  e2e.errors.assertNone('journey');
});

test('caseload search filters as you type', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await addPerson(page, { preferred: 'Sam', full: 'Samira Okafor' });
  await addPerson(page, { preferred: 'Joe', full: 'Joseph Brennan' });
  await addPerson(page, { preferred: 'Zoë', full: 'Zoë Adeyemi' });
  await goToCaseload(page);
  assert.deepEqual(await listedPeople(page), ['Joe', 'Sam', 'Zoë'], 'sorted by preferred name');
  await page.getByRole('status').filter({ hasText: /^3 people on this device$/ }).waitFor();

  const search = page.getByRole('searchbox', { name: 'Search people' });
  const typeAndCheck = async (query, names, status) => {
    await search.fill(query);
    await page.getByRole('status').filter({ hasText: status }).waitFor();
    await eventually(() => listedPeople(page), names, `search "${query}"`);
  };
  // Key by key, as a person types: the list narrows with each letter.
  await search.pressSequentially('o', { delay: 20 });
  await eventually(() => listedPeople(page), ['Joe', 'Sam', 'Zoë'], 'after "o"');
  await search.pressSequentially('k', { delay: 20 });
  await page.getByRole('status').filter({ hasText: /^1 of 3 shown$/ }).waitFor();
  await eventually(() => listedPeople(page), ['Sam'], 'after "ok": part of a full name');
  await typeAndCheck('BREN', ['Joe'], /^1 of 3 shown$/);
  await typeAndCheck('zoe', ['Zoë'], /^1 of 3 shown$/);
  await typeAndCheck('s', ['Joe', 'Sam'], /^2 of 3 shown$/);
  await typeAndCheck('xyz', [], /^No one matches “xyz”$/);
  await typeAndCheck('', ['Joe', 'Sam', 'Zoë'], /^3 people on this device$/);
  await expectNoAxeViolations(page, 'caseload with three people');
  e2e.errors.assertNone('search');
});

test('deleting a person asks first, and they stay gone after a reload', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await addPerson(page, { preferred: 'Joe', full: 'Joseph Brennan' });
  const { personId } = await quickPlan(page, 'Sam');
  await page.getByRole('link', { name: 'Back to Sam' }).click();
  await h1(page, 'Sam').waitFor();
  assert.equal((await readStore(page, 'plans')).length, 1);

  await page.getByRole('button', { name: 'Delete Sam' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Sam?' });
  await confirm.waitFor();
  await expectNoAxeViolations(page, 'person page, confirm delete');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Delete Sam' }).click();
  await confirm.getByRole('button', { name: 'Yes, delete Sam' }).click();
  await h1(page, 'People').waitFor();
  await eventually(() => listedPeople(page), ['Joe'], 'Sam is gone from the caseload');

  await page.reload();
  await h1(page, 'People').waitFor();
  await page.getByRole('list', { name: 'People' }).waitFor();
  assert.deepEqual(await listedPeople(page), ['Joe'], 'still gone after a reload');
  assert.deepEqual((await readStore(page, 'people')).map((p) => p.preferred_name), ['Joe']);
  assert.deepEqual(await readStore(page, 'assessments'), [], 'their assessment went too');
  assert.deepEqual(await readStore(page, 'plans'), [], 'and their plan');
  // Their old address says they are not found.
  await page.goto(e2e.urlFor(`#/people/${personId}`));
  await h1(page, 'Person not found').waitFor();
  await page.getByRole('alert').getByText('We could not find that person. It may have been deleted.').waitFor();
  e2e.errors.assertNone('delete', { ignore: [/^Linkwheel: person was not found$/] });
});

test('a double click starts one assessment and makes one plan', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await addPerson(page, 'Sam');
  await page.getByRole('button', { name: 'Start an assessment' }).dblclick();
  await expectStep(page, 1);
  await finishAssessment(page, 'Sam');
  await page.getByRole('button', { name: 'Make an action plan' }).dblclick();
  await h1(page, 'Action plan for Sam').waitFor();
  await page.waitForTimeout(500); // let a second write land, if there is one
  const counts = { assessments: (await readStore(page, 'assessments')).length, plans: (await readStore(page, 'plans')).length };
  assert.deepEqual(counts, { assessments: 1, plans: 1 });
});

test('a half-typed worry does not follow you to the next step', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await addPerson(page, 'Sam');
  await startAssessment(page);
  await page.getByLabel('Add a worry in your own words').fill('Cannot manage the stairs');
  await nextStep(page, 1);
  assert.equal(await page.getByLabel('Add a worry in your own words').inputValue(), '');
});

test('removing a goal keeps keyboard focus on the page', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await quickPlan(page, 'Sam');
  await page.getByRole('button', { name: 'Remove goal 1' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).press('Enter');
  await expectGoals(page, []);
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'focus went to <body>');
});

test('clearing a score, unticking an own worry and moving a goal keep focus nearby', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await quickPlan(page, 'Sam');
  await addGoal(page, { area: 'Getting active', text: 'Try walking football' });
  await page.getByRole('button', { name: 'Move goal 2 up' }).press('Enter');
  await expectGoals(page, ['Try walking football', 'Sort out my heating bills']);
  await eventually(() => page.evaluate(() => document.activeElement?.textContent), 'Try walking football', 'focus on the moved goal');

  await page.getByRole('link', { name: 'People' }).click();
  await addPerson(page, { preferred: 'Ali' });
  await startAssessment(page);
  await answerStep(page, { score: 3, own: ['Council tax'] });
  await page.getByRole('button', { name: 'Clear the score' }).press('Enter');
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('type')), 'radio', 'focus on the score radios');
  await page.getByRole('checkbox', { name: /Council tax/ }).press('Space');
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'own-physical-health', 'focus on the add-a-worry box');
});

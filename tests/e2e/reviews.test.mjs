// Reviews and progress: a first assessment (with the ONS4 and UCLA steps),
// a review months later that shows last time's answers, the progress page
// (overlay wheel, distance travelled, a chart per life area) and the
// wellbeing and loneliness table on the person page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import {
  AREAS,
  TEMPLATES,
  ONS4_QUESTIONS,
  UCLA_QUESTIONS,
  step,
  openApp,
  expectSaved,
  readStore,
  h1,
  addPerson,
  startAssessment,
  startReview,
  answerStep,
  jumpToStep,
  nextStep,
  finishAssessment,
  answerOns4,
  answerUcla,
  questionGroup,
  scoreRadio,
  lastTimeLines,
  tableRows,
  tableByRow,
  longDate,
  startClockOn,
  moveClockTo,
  eventually,
  TEST_TIMEOUT_MS,
} from './journey.mjs';

const e2e = useE2E();

const FIRST = '2026-03-03';
const REVIEW = '2026-06-10';
const LATER = '2026-07-01';

// The first assessment and the review, step by step (1-based) → score.
const FIRST_SCORES = { 1: 4, 2: 6, 5: 7, 8: 5 }; // step 3 left unscored
const REVIEW_SCORES = { 1: 7, 2: 6, 3: 5, 5: 5 }; // step 8 left unscored
const FIRST_ONS4 = [4, 5, 6, 8];
const REVIEW_ONS4 = [7, 5, 3, 4];
const FIRST_UCLA = [3, 3, 2]; // total 8
const REVIEW_UCLA = [2, 1, 1]; // total 4

/** Answer the given steps (1-based) with scores, jumping between them. */
async function scoreSteps(page, scores) {
  for (const [n, score] of Object.entries(scores)) {
    await jumpToStep(page, Number(n));
    await expectSaved(page, () => answerStep(page, { score }));
  }
}

/** A person with a finished first assessment on FIRST: scores, ONS4 and UCLA answered. */
async function firstAssessment(page, name) {
  const personId = await addPerson(page, name);
  await startAssessment(page);
  assert.equal(await h1(page, `Assessment for ${name}`).count(), 1, 'the first one is an assessment, not a review');
  assert.deepEqual(await lastTimeLines(page), [], 'no "Last time" on a first assessment');
  await scoreSteps(page, FIRST_SCORES);
  await jumpToStep(page, 13);
  await expectSaved(page, () => answerOns4(page, FIRST_ONS4));
  await nextStep(page, 13);
  await expectSaved(page, () => answerUcla(page, FIRST_UCLA));
  await finishAssessment(page, name);
  return personId;
}

test('a review shows last time\'s answers, and progress compares the two', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, FIRST);
  await openApp(e2e);
  let personId;

  await step('first assessment, with the ONS4 and UCLA steps', async () => {
    personId = await addPerson(page, 'Maya');
    await page.getByRole('button', { name: 'Start an assessment', exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start a review' }).count(), 0, 'no review before a first assessment');
    assert.equal(await page.getByLabel('Which assessment').inputValue(), TEMPLATES.holistic.title, 'the holistic template is the default');
    await startAssessment(page);
    await scoreSteps(page, FIRST_SCORES);

    // Step 13: ONS4, four 0 to 10 questions, optional.
    await jumpToStep(page, 13);
    assert.equal(await page.getByRole('button', { name: 'Finish and see the wheel' }).count(), 0, 'no Finish on step 13');
    for (const q of ONS4_QUESTIONS) {
      const radios = questionGroup(page, q).getByRole('radio');
      assert.deepEqual(await radios.evaluateAll((rs) => rs.map((r) => r.value)), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], q);
    }
    await page.getByText(/the four are never added up/).waitFor();
    await expectNoAxeViolations(page, 'ONS4 step');
    await expectSaved(page, () => answerOns4(page, FIRST_ONS4));

    // Step 14: UCLA, three questions answered in words.
    await nextStep(page, 13);
    for (const q of UCLA_QUESTIONS) {
      const names = await questionGroup(page, q).getByRole('radio').evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim()));
      assert.deepEqual(names, ['Hardly ever', 'Some of the time', 'Often'], q);
    }
    await expectNoAxeViolations(page, 'UCLA step');
    await expectSaved(page, () => answerUcla(page, FIRST_UCLA));
    const [stored] = await readStore(page, 'assessments');
    assert.deepEqual(stored.ons4, FIRST_ONS4);
    assert.deepEqual(stored.ucla3, FIRST_UCLA);
    assert.equal(stored.template_id, 'holistic-12');
    assert.match(await stepButtonLabel(page, 13), /, answered$/);
    await finishAssessment(page, 'Maya');
    await page.getByText(`Assessment of ${longDate(FIRST)}. 4 of 12 parts of life scored.`).waitFor();
  });

  await step('the person page offers a review, and shows the first wellbeing answers', async () => {
    await page.goto(e2e.urlFor(`#/people/${personId}`));
    await h1(page, 'Maya').waitFor();
    await page.getByRole('button', { name: 'Start a review', exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start an assessment' }).count(), 0);
    const table = page.getByRole('table', { name: /^Wellbeing and loneliness/ });
    assert.deepEqual(await tableByRow(table), {
      'Life satisfaction': [`4 on ${longDate(FIRST)}`, 'Not yet', 'Not yet'],
      Worthwhile: [`5 on ${longDate(FIRST)}`, 'Not yet', 'Not yet'],
      Happiness: [`6 on ${longDate(FIRST)}`, 'Not yet', 'Not yet'],
      Anxiety: [`8 on ${longDate(FIRST)}`, 'Not yet', 'Not yet'],
      'Loneliness total (3 to 9)': [`8 on ${longDate(FIRST)}`, 'Not yet', 'Not yet'],
    });
  });

  await step('a review months later shows last time\'s answers on each step', async () => {
    await moveClockTo(page, REVIEW);
    await page.reload();
    await h1(page, 'Maya').waitFor();
    await startReview(page);
    await h1(page, 'Review for Maya').waitFor();
    const when = longDate(FIRST);
    // Step 1 opened by itself.
    assert.deepEqual(await lastTimeLines(page), [`Last time: 4 out of 10 (${when})`]);
    assert.equal(await scoreRadio(page, 4).isChecked(), false, 'last time\'s score is not filled in');
    await expectNoAxeViolations(page, 'review step with last time');
    const expectLastTime = { 1: '4 out of 10', 2: '6 out of 10', 3: 'not scored', 5: '7 out of 10', 8: '5 out of 10', 12: 'not scored' };
    for (const [n, was] of Object.entries(expectLastTime)) {
      await jumpToStep(page, Number(n));
      assert.deepEqual(await lastTimeLines(page), [`Last time: ${was} (${when})`], `step ${n}`);
    }
    await scoreSteps(page, REVIEW_SCORES);

    await jumpToStep(page, 13);
    assert.deepEqual(await lastTimeLines(page), FIRST_ONS4.map((s) => `Last time: ${s} out of 10 (${when})`), 'one line per ONS4 question');
    // Each line sits with its own question.
    for (const [i, q] of ONS4_QUESTIONS.entries()) {
      const item = page.locator('.measure-item').filter({ has: questionGroup(page, q) });
      await item.getByText(`Last time: ${FIRST_ONS4[i]} out of 10 (${when})`, { exact: true }).waitFor();
    }
    await expectNoAxeViolations(page, 'ONS4 step on a review');
    await expectSaved(page, () => answerOns4(page, REVIEW_ONS4));

    await nextStep(page, 13);
    assert.deepEqual(await lastTimeLines(page), [
      `Last time: Often (${when})`,
      `Last time: Often (${when})`,
      `Last time: Some of the time (${when})`,
    ]);
    await expectNoAxeViolations(page, 'UCLA step on a review');
    await expectSaved(page, () => answerUcla(page, REVIEW_UCLA));
    await finishAssessment(page, 'Maya');

    const review = (await readStore(page, 'assessments')).find((a) => a.date === REVIEW);
    assert.ok(review, 'the review is stored with its own date');
    assert.equal(review.completed, true);
    assert.deepEqual(review.ons4, REVIEW_ONS4);
  });

  await step('the person page: first, latest and change, never a sum of the four', async () => {
    await page.goto(e2e.urlFor(`#/people/${personId}`));
    await h1(page, 'Maya').waitFor();
    const table = page.getByRole('table', { name: /^Wellbeing and loneliness/ });
    const [a, b] = [longDate(FIRST), longDate(REVIEW)];
    assert.deepEqual(await tableRows(table), [
      ['Life satisfaction Higher is better', `4 on ${a}`, `7 on ${b}`, '↑ Up 3: better'],
      ['Worthwhile Higher is better', `5 on ${a}`, `5 on ${b}`, '→ No change: same'],
      ['Happiness Higher is better', `6 on ${a}`, `3 on ${b}`, '↓ Down 3: worse'],
      // For anxiety a lower score is better.
      ['Anxiety Lower is better', `8 on ${a}`, `4 on ${b}`, '↓ Down 4: better'],
      // The UCLA total (3 to 9), lonelier is worse.
      ['Loneliness total (3 to 9) Higher means lonelier', `8 on ${a}`, `4 on ${b}`, '↓ Down 4: better'],
    ]);
    const numbers = (await table.locator('td strong').allTextContents()).map(Number);
    for (const sum of [4 + 5 + 6 + 8, 7 + 5 + 3 + 4]) assert.ok(!numbers.includes(sum), `no ONS4 sum (${sum}) is shown`);
    assert.ok(numbers.slice(-2).every((n) => n >= 3 && n <= 9), 'the UCLA total is 3 to 9');
    await page.getByText(`Review, ${b}: finished.`).waitFor();
    await page.getByText(`First assessment, ${a}: finished.`).waitFor();
    await expectNoAxeViolations(page, 'person page with wellbeing and loneliness');
  });

  await step('progress: the overlay wheel, distance travelled and a chart per area', async () => {
    await page.getByRole('link', { name: 'See progress over time' }).click();
    await h1(page, 'Progress for Maya').waitFor();
    const [a, b] = [longDate(FIRST), longDate(REVIEW)];
    assert.equal(await page.getByLabel('Earlier', { exact: true }).inputValue(), `1. ${a} (${TEMPLATES.holistic.title})`);
    assert.equal(await page.getByLabel('Later', { exact: true }).inputValue(), `2. ${b} (${TEMPLATES.holistic.title})`);

    const wheel = page.getByRole('img', { name: 'Wheel of life, earlier and later', exact: true });
    await wheel.waitFor();
    const desc = await wheel.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
    assert.match(desc, /Physical health: earlier 4 out of 10, later 7 out of 10/);
    assert.match(desc, /Friends and social life: earlier Not scored, later 5 out of 10/);
    assert.match(desc, /Getting active: earlier 5 out of 10, later Not scored/);
    // The legend says which look is which date.
    await page.getByRole('listitem').filter({ hasText: `Solid: later, ${b} (the second number)` }).waitFor();
    await page.getByRole('listitem').filter({ hasText: `Striped with a dashed edge: earlier, ${a} (the first number)` }).waitFor();

    const table = page.getByRole('table', { name: 'Distance travelled' });
    const headers = (await table.getByRole('columnheader').allTextContents()).map((t) => t.trim());
    assert.deepEqual(headers, ['Part of life', `Earlier${a}`, `Later${b}`, 'Change']);
    const rows = await tableByRow(table);
    assert.deepEqual(Object.keys(rows), AREAS, 'one row per life area, in order');
    assert.deepEqual(rows['Physical health'], ['4', '7', '↑ Up 3: better']);
    assert.deepEqual(rows['Mental and emotional wellbeing'], ['6', '6', '→ No change: same']);
    assert.deepEqual(rows['Friends and social life'], ['Not scored', '5', 'Not scored last time']);
    assert.deepEqual(rows['Money and benefits'], ['7', '5', '↓ Down 2: worse']);
    assert.deepEqual(rows['Getting active'], ['5', 'Not scored', 'Not scored this time']);
    assert.deepEqual(rows['Home and housing'], ['Not scored', 'Not scored', 'Not scored either time']);

    const charts = page.getByRole('region', { name: 'Each score over time' });
    await charts.getByText('2 assessments made with “Holistic needs and wheel of life”, oldest on the left. Scores from 0 (lowest) to 10 (highest).').waitFor();
    const names = await charts.getByRole('img').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')));
    assert.equal(names.length, AREAS.length, 'one chart per life area');
    assert.deepEqual(names.map((n) => n.split(' over time: ')[0]), AREAS);
    assert.equal(names[0], `Physical health over time: ${a}, 4; ${b}, 7`);
    assert.equal(names[2], `Friends and social life over time: ${a}, not scored; ${b}, 5`);
    assert.deepEqual(await charts.locator('figcaption').allTextContents(), AREAS);
    await expectNoAxeViolations(page, 'progress page');
  });

  e2e.errors.assertNone('reviews');
});

test('assessments made with different templates are not compared', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, FIRST);
  await openApp(e2e);
  const personId = await firstAssessment(page, 'Ola');

  await moveClockTo(page, REVIEW);
  await page.goto(e2e.urlFor(`#/people/${personId}`));
  await h1(page, 'Ola').waitFor();
  await startReview(page);
  await scoreSteps(page, REVIEW_SCORES);
  await finishAssessment(page, 'Ola');

  // A quick check-in: another template, so "Last time" is not shown.
  await moveClockTo(page, LATER);
  await page.goto(e2e.urlFor(`#/people/${personId}`));
  await h1(page, 'Ola').waitFor();
  const quick = TEMPLATES.quick;
  await startReview(page, { template: quick });
  assert.deepEqual(await lastTimeLines(page), [], 'no "Last time" from an assessment made with another template');
  await expectSaved(page, () => answerStep(page, { score: 3 }));
  await finishAssessment(page, 'Ola', quick.steps);
  const stored = (await readStore(page, 'assessments')).find((a) => a.date === LATER);
  assert.equal(stored.template_id, quick.id);

  await page.goto(e2e.urlFor(`#/people/${personId}/progress`));
  await h1(page, 'Progress for Ola').waitFor();
  const [a, b, c] = [longDate(FIRST), longDate(REVIEW), longDate(LATER)];
  const options = [`1. ${a} (${TEMPLATES.holistic.title})`, `2. ${b} (${TEMPLATES.holistic.title})`, `3. ${c} (${quick.title})`];
  assert.deepEqual(await page.getByLabel('Earlier', { exact: true }).locator('option').allTextContents(), options);

  // By default the latest (the quick check-in) and the first: no earlier
  // quick check-in to compare it with, so the page says why, and never
  // compares the latest with itself.
  assert.equal(await page.getByLabel('Earlier', { exact: true }).inputValue(), options[0]);
  assert.equal(await page.getByLabel('Later', { exact: true }).inputValue(), options[2]);
  const reason = `These two assessments used different templates ("${TEMPLATES.holistic.title}" and "${quick.title}"), so their scores cannot be compared.`;
  await page.getByRole('status').filter({ hasText: reason }).waitFor();
  assert.equal(await page.getByRole('table', { name: 'Distance travelled' }).count(), 0, 'no distance travelled table');
  assert.equal(await page.getByRole('img', { name: 'Wheel of life, earlier and later' }).count(), 0, 'no overlay wheel');
  const charts = page.getByRole('region', { name: 'Each score over time' });
  await charts.getByText(`1 assessment made with “${quick.title}”, oldest on the left.`, { exact: false }).waitFor();
  await charts.getByText('2 assessments made with a different template are left out: their scores cannot be compared.').waitFor();
  assert.deepEqual(await charts.locator('figcaption').allTextContents(), quick.steps.slice(0, 8), 'the quick check-in\'s areas');
  await expectNoAxeViolations(page, 'progress page, different templates');

  // Two holistic ones compare.
  await page.getByLabel('Later', { exact: true }).selectOption({ label: options[1] });
  const rows = await tableByRow(page.getByRole('table', { name: 'Distance travelled' }));
  assert.deepEqual(rows['Physical health'], ['4', '7', '↑ Up 3: better']);
  assert.equal(await page.getByRole('status').filter({ hasText: reason }).count(), 0, 'the reason has gone');

  // Picked the other way round, the two are still compared oldest to newest;
  // the same one twice is not compared at all.
  await page.getByLabel('Earlier', { exact: true }).selectOption({ label: options[1] });
  await page.getByLabel('Later', { exact: true }).selectOption({ label: options[0] });
  await eventually(async () => (await tableByRow(page.getByRole('table', { name: 'Distance travelled' })))['Physical health'], ['4', '7', '↑ Up 3: better'], 'reversed picks');
  await page.getByLabel('Later', { exact: true }).selectOption({ label: options[1] });
  await page.getByRole('status').filter({ hasText: 'Choose two different assessments to compare.' }).waitFor();
  await page.getByLabel('Earlier', { exact: true }).selectOption({ label: options[0] });

  // Choosing a pair made with different templates by hand: the reason again, not a comparison.
  await page.getByLabel('Earlier', { exact: true }).selectOption({ label: options[1] });
  await page.getByLabel('Later', { exact: true }).selectOption({ label: options[2] });
  await page.getByRole('status').filter({ hasText: reason }).waitFor();
  assert.equal(await page.getByRole('table', { name: 'Distance travelled' }).count(), 0, 'no distance travelled table');
  assert.equal(await page.getByRole('img', { name: 'Wheel of life, earlier and later' }).count(), 0, 'no overlay wheel');
  e2e.errors.assertNone('different templates');
});

/** The step list's label for step n ("Step 13: Personal wellbeing (ONS4), answered"). */
async function stepButtonLabel(page, n) {
  return page
    .getByRole('navigation', { name: 'All steps' })
    .getByRole('button', { name: new RegExp(`^Step ${n}: `) })
    .getAttribute('aria-label');
}

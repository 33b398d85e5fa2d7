// Screenshots for people to look at (tests/artifacts/screens-*.png) and the
// printed plan as a PDF (tests/artifacts/plan.pdf). Only checks that each
// page rendered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useE2E, screenshot, expectNoAxeViolations, ARTIFACTS_DIR, REPO_ROOT } from './harness.mjs';
import {
  openApp,
  expectSaved,
  h1,
  goToCaseload,
  addPerson,
  quickPlan,
  quickReview,
  jumpToStep,
  addContact,
  goToTemplates,
  importTemplate,
  pdfText,
  startClockOn,
  editPerson,
  isoDaysFromToday,
  answerOns4,
  answerUcla,
  brokenWordsInTables,
  TEST_TIMEOUT_MS,
} from './journey.mjs';

const e2e = useE2E({ contextOptions: { viewport: { width: 1280, height: 900 } } });

const SIZES = [
  ['phone', { width: 390, height: 844 }],
  ['tablet', { width: 820, height: 1180 }],
  ['desktop', { width: 1280, height: 900 }],
];

test('screenshots at phone, tablet and desktop widths, and the printed plan', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, '2026-06-15'); // the same dates in every run
  await openApp(e2e, '#/settings');
  await expectSaved(page, async () => {
    await page.getByLabel('Your name').fill('Alex Morgan');
    await page.getByLabel('Organisation').fill('Northside Health Centre');
    await page.getByLabel('Phone').fill('01632 960 123');
  });
  await addPerson(page, { preferred: 'Joe', full: 'Joseph Brennan' });
  const { personId, assessmentId, planId } = await quickPlan(page, 'Sam');
  // Leave the assessment on step 1, so it opens there.
  await page.goto(e2e.urlFor(`#/assessments/${assessmentId}`));
  await expectSaved(page, () => jumpToStep(page, 1));
  // Contacts, and a review for the progress page.
  await page.goto(e2e.urlFor(`#/people/${personId}`));
  await h1(page, 'Sam').waitFor();
  await addContact(page, { date: '2026-06-01', how: 'Phone', note: 'Rang to arrange a first visit.' });
  await addContact(page, { date: '2026-06-12', how: 'Home visit', note: 'First visit at home. Talked about money worries and the garden.' });
  await quickReview(page, 'Sam', { score: 7 });
  await goToTemplates(page);
  await importTemplate(page, path.join(REPO_ROOT, 'tests', 'fixtures', 'templates', 'good.json'));

  const pages = [
    ['caseload', '#/', 'People'],
    ['person', `#/people/${personId}`, 'Sam'],
    ['assessment', `#/assessments/${assessmentId}`, 'Assessment for Sam'],
    ['summary', `#/assessments/${assessmentId}/summary`, 'Wheel of life for Sam'],
    ['plan', `#/plans/${planId}`, 'Action plan for Sam'],
    ['progress', `#/people/${personId}/progress`, 'Progress for Sam'],
    ['templates', '#/templates', 'Templates'],
  ];
  for (const [size, viewport] of SIZES) {
    await page.setViewportSize(viewport);
    for (const [name, route, heading] of pages) {
      await page.goto(e2e.urlFor(route));
      await h1(page, heading).waitFor();
      if (name === 'assessment') await page.getByText('Step 1 of 14', { exact: true }).waitFor();
      if (name === 'summary') await page.getByRole('img', { name: 'Wheel of life' }).waitFor();
      if (name === 'person') await page.getByRole('list', { name: 'Contacts, newest first' }).waitFor();
      if (name === 'progress') await page.getByRole('table', { name: 'Distance travelled' }).waitFor();
      if (name === 'templates') await page.getByRole('region', { name: 'Imported on this device' }).getByRole('heading', { name: 'Test template' }).waitFor();
      assert.equal(await h1(page, heading).isVisible(), true, `${size} ${name}`);
      const file = await screenshot(page, `screens-${size}-${name}`);
      assert.ok(fs.statSync(file).size > 5_000, `${file} has content`);
    }
  }

  // The printed plan (print media), as the person takes it home.
  await page.goto(e2e.urlFor(`#/plans/${planId}`));
  await h1(page, 'Action plan for Sam').waitFor();
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const pdf = path.join(ARTIFACTS_DIR, 'plan.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  assert.match(pdfText(pdf), /Sort out my heating bills/);
  await goToCaseload(page);
  e2e.errors.assertNone('screens');
});

test('no page scrolls sideways at 320 and 390 px', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  const { personId, assessmentId, planId } = await quickPlan(page, 'Sam');
  // A person page with contacts and a risk concern, and a review for the progress page.
  await page.goto(e2e.urlFor(`#/people/${personId}`));
  await h1(page, 'Sam').waitFor();
  await editPerson(page, 'Sam', { risk: true, riskNote: 'Has mentioned not eating; lives alone; discussed with the practice safeguarding lead.' });
  await addContact(page, { date: isoDaysFromToday(-9), how: 'Home visit', note: 'First visit at home. Talked about the heating, the arrears letters and the neighbour’s dog.' });
  await addContact(page, { date: isoDaysFromToday(-2), how: 'Phone', note: 'Rang to check the energy company had called back.' });
  await quickReview(page, 'Sam', { score: 7 });
  // Each route, and what shows once its records have loaded.
  const routes = [
    ['#/', () => page.getByRole('list', { name: 'People' })],
    ['#/people/new', () => page.getByLabel('Preferred name')],
    [`#/people/${personId}`, () => page.getByRole('list', { name: 'Contacts, newest first' })],
    [`#/people/${personId}/edit`, () => page.getByLabel('What the concern is')],
    [`#/assessments/${assessmentId}`, () => page.getByRole('navigation', { name: 'All steps' })],
    [`#/assessments/${assessmentId}/summary`, () => page.getByRole('img', { name: 'Wheel of life' })],
    [`#/plans/${planId}`, () => page.getByRole('region', { name: 'Goals' })],
    [`#/people/${personId}/progress`, () => page.getByRole('table', { name: 'Distance travelled' })],
    ['#/templates', () => page.getByRole('region', { name: 'Imported on this device' })],
    ['#/settings', () => page.getByLabel('Your name')],
    ['#/about', () => page.getByRole('heading', { level: 1 })],
  ];
  const overflow = [];
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [route, loaded] of routes) {
      await page.goto(e2e.urlFor(route));
      await loaded().first().waitFor();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) overflow.push(`${width}px ${route}: ${scrollWidth}px wide`);
    }
  }
  assert.deepEqual(overflow, []);
});

test('the progress and wellbeing tables keep words whole and are axe-clean at 320 and 390 px', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  const { personId, assessmentId } = await quickPlan(page, 'Sam');
  await page.goto(e2e.urlFor(`#/assessments/${assessmentId}`));
  await jumpToStep(page, 13);
  await expectSaved(page, () => answerOns4(page, [4, 5, 6, 7]));
  await jumpToStep(page, 14);
  await expectSaved(page, () => answerUcla(page, [1, 2, 3]));
  await page.goto(e2e.urlFor(`#/people/${personId}`));
  await h1(page, 'Sam').waitFor();
  await quickReview(page, 'Sam', { score: 7 });
  const tables = [
    [`#/people/${personId}/progress`, 'Distance travelled'],
    [`#/people/${personId}`, /^Wellbeing and loneliness/],
  ];
  const broken = [];
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [route, name] of tables) {
      await page.goto(e2e.urlFor(route));
      await page.getByRole('table', { name }).waitFor();
      for (const word of await brokenWordsInTables(page)) broken.push(`${width}px ${route}: ${word}`);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, `${width}px ${route}: the page does not scroll sideways`);
      // A table wider than the screen scrolls in its own box, which the keyboard can reach.
      await expectNoAxeViolations(page, `${route} at ${width}px`);
    }
  }
  assert.deepEqual(broken, [], 'no word split across two lines');
});

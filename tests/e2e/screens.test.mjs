// Screenshots for people to look at (tests/artifacts/screens-*.png) and the
// printed plan as a PDF (tests/artifacts/plan.pdf). Only checks that each
// page rendered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useE2E, screenshot, ARTIFACTS_DIR } from './harness.mjs';
import { openApp, expectSaved, h1, goToCaseload, addPerson, quickPlan, jumpToStep, pdfText, TEST_TIMEOUT_MS } from './journey.mjs';

const e2e = useE2E({ contextOptions: { viewport: { width: 1280, height: 900 } } });

const SIZES = [
  ['phone', { width: 390, height: 844 }],
  ['tablet', { width: 820, height: 1180 }],
  ['desktop', { width: 1280, height: 900 }],
];

test('screenshots at phone, tablet and desktop widths, and the printed plan', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e, '#/settings');
  await expectSaved(page, async () => {
    await page.getByLabel('Your name').fill('Alex Morgan');
    await page.getByLabel('Organisation').fill('Northside Health Centre');
    await page.getByLabel('Phone').fill('01632 960 123');
  });
  await addPerson(page, { preferred: 'Joe', full: 'Joseph Brennan' });
  const { assessmentId, planId } = await quickPlan(page, 'Sam');
  // Leave the assessment on step 1, so it opens there.
  await page.goto(e2e.urlFor(`#/assessments/${assessmentId}`));
  await expectSaved(page, () => jumpToStep(page, 1));

  const pages = [
    ['caseload', '#/', 'People'],
    ['assessment', `#/assessments/${assessmentId}`, 'Assessment for Sam'],
    ['summary', `#/assessments/${assessmentId}/summary`, 'Wheel of life for Sam'],
    ['plan', `#/plans/${planId}`, 'Action plan for Sam'],
  ];
  for (const [size, viewport] of SIZES) {
    await page.setViewportSize(viewport);
    for (const [name, route, heading] of pages) {
      await page.goto(e2e.urlFor(route));
      await h1(page, heading).waitFor();
      if (name === 'assessment') await page.getByText('Step 1 of 12', { exact: true }).waitFor();
      if (name === 'summary') await page.getByRole('img', { name: 'Wheel of life' }).waitFor();
      assert.equal(await h1(page, heading).isVisible(), true, `${size} ${name}`);
      const file = await screenshot(page, `screens-${size}-${name}`);
      assert.ok(fs.statSync(file).size > 5_000, `${file} has content`);
    }
  }

  // The printed plan (print media), as the person takes it home.
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
  const { assessmentId, planId } = await quickPlan(page, 'Sam');
  const routes = ['#/', '#/people/new', `#/assessments/${assessmentId}`, `#/assessments/${assessmentId}/summary`, `#/plans/${planId}`, '#/settings', '#/about'];
  const overflow = [];
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const route of routes) {
      await page.goto(e2e.urlFor(route));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) overflow.push(`${width}px ${route}: ${scrollWidth}px wide`);
    }
  }
  assert.deepEqual(overflow, []);
});

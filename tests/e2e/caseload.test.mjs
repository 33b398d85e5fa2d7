// Review dates on the caseload: the plan's "Next review date" is kept on
// the person, marked "Overdue" or "Due this week", and the caseload can be
// sorted by it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import {
  openApp,
  expectSaved,
  readStore,
  h1,
  goToCaseload,
  addPerson,
  openPerson,
  personWithPlan,
  caseloadCards,
  eventually,
  startClockOn,
  TEST_TIMEOUT_MS,
} from './journey.mjs';

const e2e = useE2E();

const TODAY = '2026-06-15';

// Name → the plan's next review date ('' for a person with no plan).
const REVIEWS = {
  Ann: '2026-06-10', // 5 days ago: overdue
  Bo: '2026-06-21', // today + 6: due this week (the last day of it)
  Cy: '2026-07-20', // later
  Ed: '2026-06-22', // today + 7: later
  Di: '', // no plan, no date
};

/** On the plan page: set "Next review date" and wait until it is saved. */
async function setReviewDate(page, date) {
  await expectSaved(page, () => page.getByLabel('Next review date').fill(date));
}

test('review dates: "Overdue" and "Due this week" tags, and sorting by the next review', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, TODAY);
  await openApp(e2e);
  for (const [name, date] of Object.entries(REVIEWS)) {
    if (!date) {
      await addPerson(page, name);
      continue;
    }
    await personWithPlan(page, name);
    // Cy's date is changed later: first this week, then in July.
    await setReviewDate(page, name === 'Cy' ? '2026-06-16' : date);
  }

  await goToCaseload(page);
  let cards = await caseloadCards(page);
  assert.deepEqual(cards.map((c) => c.name), ['Ann', 'Bo', 'Cy', 'Di', 'Ed'], 'by name at first');
  assert.deepEqual(cards.find((c) => c.name === 'Cy').tags, ['Due this week'], 'Cy is due tomorrow for now');

  // Change Cy's review date on the plan: the person record follows.
  await openPerson(page, 'Cy');
  await page.getByRole('link', { name: 'Open the action plan' }).click();
  await h1(page, 'Action plan for Cy').waitFor();
  await setReviewDate(page, REVIEWS.Cy);

  await goToCaseload(page);
  cards = await caseloadCards(page);
  const byName = Object.fromEntries(cards.map((c) => [c.name, c]));
  assert.deepEqual(byName.Ann.tags, ['Overdue']);
  assert.ok(byName.Ann.lines.includes('Next review: 10 Jun 2026'), byName.Ann.lines.join(' | '));
  assert.deepEqual(byName.Bo.tags, ['Due this week']);
  assert.ok(byName.Bo.lines.includes('Next review: 21 Jun 2026'));
  assert.deepEqual(byName.Cy.tags, [], 'later: no tag');
  assert.ok(byName.Cy.lines.includes('Next review: 20 Jul 2026'));
  assert.deepEqual(byName.Ed.tags, [], 'a week today is not "this week"');
  assert.deepEqual(byName.Di.tags, []);
  assert.ok(!byName.Di.lines.some((l) => l.startsWith('Next review')), 'no review line without a date');
  await expectNoAxeViolations(page, 'caseload with review tags');

  // Sort by the next review: overdue, this week, later, then none.
  await page.getByLabel('Sort by').selectOption({ label: 'Next review date' });
  await eventually(async () => (await caseloadCards(page)).map((c) => c.name), ['Ann', 'Bo', 'Ed', 'Cy', 'Di'], 'sorted by next review');
  cards = await caseloadCards(page);
  assert.deepEqual(cards.map((c) => c.tags), [['Overdue'], ['Due this week'], [], [], []]);
  await page.getByLabel('Sort by').selectOption({ label: 'Name' });
  await eventually(async () => (await caseloadCards(page)).map((c) => c.name), ['Ann', 'Bo', 'Cy', 'Di', 'Ed'], 'back to by name');

  // What the caseload shows is what is stored on each person.
  const people = await readStore(page, 'people');
  assert.deepEqual(Object.fromEntries(people.map((p) => [p.preferred_name, p.next_review])), REVIEWS);

  // The person page says it too.
  await openPerson(page, 'Ann');
  await page.getByText('Next review: 10 June 2026').waitFor();
  await page.getByRole('region', { name: 'What next' }).getByText('Overdue', { exact: true }).waitFor();
  e2e.errors.assertNone('review dates');
});

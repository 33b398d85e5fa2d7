// Reviewing a goal on the plan: a new status and a dated note, kept as the
// goal's history, saved, and printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import {
  openApp,
  appReady,
  expectSaved,
  readStore,
  h1,
  quickPlan,
  goalsRegion,
  pdfText,
  startClockOn,
  moveClockTo,
  TEST_TIMEOUT_MS,
} from './journey.mjs';

const e2e = useE2E();

const GOAL = 'Sort out my heating bills';

/** The details shown under goal 1: { 'Part of life': …, Status: …, … }. */
async function goalDetails(page) {
  const goal = goalsRegion(page).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: GOAL }) });
  return Object.fromEntries(
    await goal.locator('dl dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
  );
}

/** The goal's review history as shown, newest first. */
async function goalHistory(page) {
  const history = goalsRegion(page).locator('.goal-history');
  if ((await history.count()) === 0) return [];
  assert.equal(await history.getByRole('heading', { level: 4 }).textContent(), 'Reviews');
  return (await history.getByRole('listitem').allTextContents()).map((t) => t.trim());
}

/** Open "Review goal 1" (a disclosure) if it is closed. */
async function openReview(page) {
  const summary = goalsRegion(page).getByText('Review goal 1', { exact: true });
  const open = await summary.evaluate((s) => s.parentElement.open);
  if (!open) await summary.click();
  await page.getByLabel('Review note').waitFor();
}

test('reviewing a goal: the status and a dated history, kept and printed', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startClockOn(page, '2026-06-15');
  await openApp(e2e);
  const { planId } = await quickPlan(page, 'Sam');
  assert.equal((await goalDetails(page)).Status, 'Not started');
  assert.deepEqual(await goalHistory(page), []);

  await openReview(page);
  assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'Not started', 'the form starts at the current status');
  await expectNoAxeViolations(page, 'plan with a goal review open');

  // Nothing new: refused, nothing saved.
  await page.getByRole('button', { name: 'Add review' }).click();
  await goalsRegion(page).getByRole('status').filter({ hasText: 'Choose a new status or write a note first.' }).waitFor();
  assert.deepEqual((await readStore(page, 'plans'))[0].goals[0].reviews, []);

  // First review: in progress.
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  await page.getByLabel('Review note').fill('Rang the energy company; waiting to hear back.');
  await expectSaved(page, () => page.getByRole('button', { name: 'Add review' }).click());
  await goalsRegion(page).getByRole('status').filter({ hasText: 'Review added: In progress.' }).waitFor();
  assert.equal((await goalDetails(page)).Status, 'In progress');
  assert.deepEqual(await goalHistory(page), ['15 June 2026: In progress. Rang the energy company; waiting to hear back.']);
  assert.equal(await page.getByLabel('Review note').inputValue(), '', 'the note box is cleared');

  // Two weeks later: achieved. The first review stays in the history.
  await moveClockTo(page, '2026-06-29');
  await openReview(page);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Achieved' });
  await page.getByLabel('Review note').fill('Paid off the arrears with help from Citizens Advice.');
  await expectSaved(page, () => page.getByRole('button', { name: 'Add review' }).click());
  const history = [
    '29 June 2026: Achieved. Paid off the arrears with help from Citizens Advice.',
    '15 June 2026: In progress. Rang the energy company; waiting to hear back.',
  ];
  await goalsRegion(page).getByText('Review added: Achieved.').waitFor();
  assert.equal((await goalDetails(page)).Status, 'Achieved');
  assert.deepEqual(await goalHistory(page), history, 'newest first, the first one kept');

  const [plan] = await readStore(page, 'plans');
  assert.equal(plan.goals[0].status, 'achieved');
  assert.deepEqual(plan.goals[0].reviews, [
    { date: '2026-06-15', status: 'in_progress', note: 'Rang the energy company; waiting to hear back.' },
    { date: '2026-06-29', status: 'achieved', note: 'Paid off the arrears with help from Citizens Advice.' },
  ]);

  // After a reload, all of it is still there.
  await page.reload();
  await appReady(page);
  await h1(page, 'Action plan for Sam').waitFor();
  assert.equal((await goalDetails(page)).Status, 'Achieved');
  assert.deepEqual(await goalHistory(page), history);
  assert.match(page.url(), new RegExp(`#/plans/${planId}$`));

  // The printed plan shows the status.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-pdf-'));
  try {
    const file = path.join(dir, 'plan.pdf');
    await page.pdf({ path: file, format: 'A4' });
    const text = pdfText(file);
    assert.ok(text.includes(`1. ${GOAL}`), text);
    assert.match(text, /Status:? Achieved/, `the printed plan shows the status:\n${text}`);
    assert.ok(!text.includes('Not started'), 'not the old status');
    assert.ok(!text.includes('Add review'), 'no review form on paper');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  e2e.errors.assertNone('goal review');
});

// Two tabs never save over each other: Linkwheel runs in one tab at a time.
// A second tab says Linkwheel is already open and offers to take over; the
// first then stops (inert, with a way back) and everything it saved is in
// the second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import { openApp, addPerson, editPerson, expectSaved, readStore, h1, TEST_TIMEOUT_MS, WAIT_MS } from './journey.mjs';

const e2e = useE2E();

test('a second tab asks, takes over, and the first stops with nothing lost', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page: first, context } = e2e;
  await openApp(e2e, '', first);
  await addPerson(first, { preferred: 'Ada', full: 'Ada Lovelace' });

  // Tab two: Linkwheel is already open; the app waits.
  const second = await context.newPage();
  await openApp(e2e, '', second).catch(() => {});
  const asked = second.getByRole('alertdialog', { name: 'Linkwheel is already open' });
  await asked.waitFor({ timeout: WAIT_MS });
  assert.equal(await h1(second, 'People').count(), 0, 'the app has not started in tab two');
  await expectNoAxeViolations(second, 'already open in another tab');

  // Tab one carries on meanwhile: its change is saved.
  await editPerson(first, 'Ada', { full: 'Ada King' });

  // Take over: tab one stops, tab two starts and has tab one's change.
  await asked.getByRole('button', { name: 'Use Linkwheel here instead' }).click();
  await h1(second, 'People').waitFor({ timeout: WAIT_MS });
  const stopped = first.getByRole('alertdialog', { name: 'Linkwheel is open in another tab' });
  await stopped.waitFor({ timeout: WAIT_MS });
  assert.equal(await first.locator('main').evaluate((m) => m.closest('[inert]') !== null), true, 'tab one cannot be used');
  await expectNoAxeViolations(first, 'stopped for another tab');
  const people = await readStore(second, 'people');
  assert.deepEqual(people.map((p) => [p.preferred_name, p.full_name]), [['Ada', 'Ada King']]);
  await second.getByRole('link', { name: /^Ada\b/ }).click();
  await h1(second, 'Ada').waitFor();
  await second.getByText('Ada King').first().waitFor();

  // Tab two edits; then tab one takes it back with a reload and sees it.
  await editPerson(second, 'Ada', { full: 'Ada Byron' });
  await stopped.getByRole('button', { name: 'Use Linkwheel here' }).click();
  const askedAgain = first.getByRole('alertdialog', { name: 'Linkwheel is already open' });
  await askedAgain.getByRole('button', { name: 'Use Linkwheel here instead' }).click();
  // Tab one reloads where it was: Ada's page, now with tab two's change.
  await h1(first, 'Ada').waitFor({ timeout: WAIT_MS });
  await first.getByText('Ada Byron').first().waitFor();
  await second.getByRole('alertdialog', { name: 'Linkwheel is open in another tab' }).waitFor();
  assert.deepEqual((await readStore(first, 'people')).map((p) => p.full_name), ['Ada Byron']);
  e2e.errors.assertNone('two tabs');
});

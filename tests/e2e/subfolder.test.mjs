// The same dist/ served from a sub-folder (/linkwheel/), as on a shared web
// server: every file loads from there, and the app works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useE2E } from './harness.mjs';
import { openApp, expectSaved, readStore, h1, addPerson, startAssessment, answerStep, scoreRadio, TEST_TIMEOUT_MS } from './journey.mjs';

const e2e = useE2E({ base: '/linkwheel/' });

test('works when served under /linkwheel/', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  const failed = [];
  page.on('response', (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  assert.match(e2e.url, /^http:\/\/127\.0\.0\.1:\d+\/linkwheel\/$/);
  await openApp(e2e);
  await h1(page, 'People').waitFor();

  await addPerson(page, { preferred: 'Ravi', full: 'Ravi Shah' });
  const assessmentId = await startAssessment(page);
  await expectSaved(page, () => answerStep(page, { score: 6 }));
  assert.match(page.url(), new RegExp(`/linkwheel/#/assessments/${assessmentId}$`), 'routes are hashes under the sub-folder');
  const [stored] = await readStore(page, 'assessments');
  assert.equal(stored.answers.find((a) => a.area_id === 'physical-health')?.score, 6);

  // Every file came from under /linkwheel/, and nothing failed to load.
  assert.deepEqual(failed, [], 'no failed responses');
  const paths = e2e.network.requests.filter((r) => /^https?:/.test(r.url)).map((r) => new URL(r.url).pathname);
  assert.ok(paths.some((p) => p.endsWith('.wasm')), `the app's .wasm was loaded: ${paths.join(', ')}`);
  const outside = paths.filter((p) => !p.startsWith('/linkwheel/'));
  assert.deepEqual(outside, [], 'requests outside /linkwheel/');

  // A reload on a deep link still works from the sub-folder.
  await page.reload();
  await page.getByText('Step 1 of 14', { exact: true }).waitFor();
  assert.equal(await scoreRadio(page, 6).isChecked(), true, 'the score is still there');
  e2e.errors.assertNone('subfolder');
});

// Assessment templates: the Templates page, importing (refused with every
// problem in plain words, or saved and offered when starting an
// assessment), the 1-to-7 built-in template, and downloading a template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useE2E, expectNoAxeViolations, writeTempSite, REPO_ROOT } from './harness.mjs';
import {
  TEMPLATES,
  ONS4,
  openApp,
  expectSaved,
  readStore,
  h1,
  addPerson,
  startAssessment,
  startReview,
  expectStep,
  scoreRadio,
  answerStep,
  jumpToStep,
  finishAssessment,
  scoreTable,
  lastTimeLines,
  goToTemplates,
  importTemplate,
  eventually,
  longDate,
  startClockOn,
  TEST_TIMEOUT_MS,
} from './journey.mjs';

const e2e = useE2E();

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'templates');
const fixture = (name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const GOOD = JSON.parse(fixture('good.json'));

/** The imported test template (tests/fixtures/templates/good.json) as the app offers it. */
const TEST_TEMPLATE = Object.freeze({
  id: GOOD.id,
  title: GOOD.title,
  steps: Object.freeze([...GOOD.areas.map((a) => a.title), ONS4]),
});

const NOTHING_SAVED = 'Nothing has been saved or changed.';

/** Files to import, written to a temporary folder (removed after the test). */
function tempFiles(files) {
  const site = writeTempSite(files);
  return { path: (name) => path.join(site.dir, name), cleanup: site.cleanup };
}

/** The refusal's problems, in order. */
async function problems(result) {
  return (await result.getByRole('listitem').allTextContents()).map((t) => t.trim());
}

/** The titles listed in one section of the Templates page. */
async function titlesIn(page, section) {
  return (await page.getByRole('region', { name: section }).getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.trim());
}

test('the Templates page lists the built-in templates and refuses a bad file, saying why', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await goToTemplates(page);
  assert.deepEqual(await titlesIn(page, 'Built into Linkwheel'), [TEMPLATES.holistic.title, TEMPLATES.quick.title, TEMPLATES.satisfaction.title]);
  const builtIn = page.getByRole('region', { name: 'Built into Linkwheel' });
  await builtIn.getByText('12 parts of life, scored 0 (not at all) to 10 (completely). Version 1. Optional extra steps: Personal wellbeing (ONS4), Loneliness (UCLA 3-item scale).').waitFor();
  await builtIn.getByText('8 parts of life, scored 1 (very unhappy with it) to 7 (very happy with it). Version 1.', { exact: true }).waitFor();
  await page.getByRole('region', { name: 'Imported on this device' }).getByText('None yet.').waitFor();
  await expectNoAxeViolations(page, 'templates page');

  const several = JSON.parse(fixture('good.json'));
  several.title = '';
  several.scale.max = several.scale.min;
  several.areas[2].title = '';
  several.measures = ['ons4', 'wemwbs'];
  const builtinId = { ...JSON.parse(fixture('good.json')), id: 'holistic-12' };
  const files = tempFiles({
    'area-3-no-title.json': fixture('area-3-no-title.json'),
    'bad-scale.json': fixture('bad-scale.json'),
    'wrong-types.json': fixture('wrong-types.json'),
    'notes.txt': 'Sam, 4 out of 10\nJoe, 7 out of 10\n',
    'several.json': JSON.stringify(several, null, 2),
    'builtin-id.json': JSON.stringify(builtinId),
  });
  const cases = [
    ['area-3-no-title.json', ['Life area 3 has no title.']],
    ['bad-scale.json', ['The scale maximum must be greater than the minimum.']],
    ['notes.txt', ['“notes.txt” is not a template file: it is not written in JSON, the format Linkwheel templates use.']],
    [
      'wrong-types.json',
      [
        '“wrong-types.json” is not a template Linkwheel can read: some parts hold the wrong kind of value, for example words where a list or a number should be. Start from a downloaded template and change that.',
      ],
    ],
    [
      'several.json',
      [
        'The template has no title.',
        'The scale maximum must be greater than the minimum.',
        'Life area 3 has no title.',
        '"wemwbs" is not a measure Linkwheel offers. It can offer "ons4" and "ucla3".',
      ],
    ],
    ['builtin-id.json', ['“holistic-12” is the id of a template built into Linkwheel. Give your template an id of its own.']],
  ];
  try {
    for (const [name, want] of cases) {
      const result = await importTemplate(page, files.path(name));
      assert.equal(await result.getAttribute('role'), 'alert', `${name}: refused`);
      await result.getByRole('heading', { name: 'The template was not imported' }).waitFor();
      assert.deepEqual(await problems(result), want, name);
      await result.getByText(want.length === 1 ? 'Please fix this and try again:' : 'Please fix these and try again:', { exact: true }).waitFor();
      await result.getByText(NOTHING_SAVED, { exact: true }).waitFor();
      await eventually(() => page.evaluate(() => document.activeElement?.id), 'import-result', `${name}: focus on the result`);
      if (name === 'several.json') await expectNoAxeViolations(page, 'templates page with import errors');
      assert.deepEqual(await readStore(page, 'templates'), [], `${name}: nothing stored`);
    }
  } finally {
    files.cleanup();
  }
  assert.deepEqual(await titlesIn(page, 'Imported on this device'), []);
  // The unreadable file's cause goes to the console (and only there).
  e2e.errors.assertNone('bad templates', { ignore: [/^Linkwheel: could not read the template: /] });
});

test('an imported template is kept, offered in "Which assessment", and used by the assessment', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await goToTemplates(page);
  const result = await importTemplate(page, path.join(FIXTURES, 'good.json'));
  assert.equal(await result.getAttribute('role'), 'status');
  assert.equal((await result.textContent()).trim(), '“Test template” (version 1) is ready. Choose it when you start an assessment.');
  assert.deepEqual(await titlesIn(page, 'Imported on this device'), [TEST_TEMPLATE.title]);
  await page
    .getByRole('region', { name: 'Imported on this device' })
    .getByText('5 parts of life, scored 0 (very bad) to 10 (very good). Version 1. Optional extra steps: Personal wellbeing (ONS4).')
    .waitFor();
  await expectNoAxeViolations(page, 'templates page after an import');
  const stored = await readStore(page, 'templates');
  assert.equal(stored.length, 1);
  assert.equal(stored[0].key, 'test-5@1');
  assert.equal(stored[0].template.id, 'test-5');
  assert.deepEqual(stored[0].template.areas.map((a) => a.title), GOOD.areas.map((a) => a.title));

  // The same file again changes nothing; a different one with the same id and version is refused.
  const files = tempFiles({ 'clash.json': JSON.stringify({ ...GOOD, title: 'Another test template' }) });
  try {
    const again = await importTemplate(page, path.join(FIXTURES, 'good.json'));
    assert.equal(await again.getAttribute('role'), 'status');
    const clash = await importTemplate(page, files.path('clash.json'));
    assert.deepEqual(await problems(clash), [
      'A different template with this id and version is already on this device. Give the new one a higher version number.',
    ]);
    await clash.getByText(NOTHING_SAVED).waitFor();
  } finally {
    files.cleanup();
  }
  const kept = await readStore(page, 'templates');
  assert.deepEqual(kept.map((r) => [r.key, r.template.title]), [['test-5@1', 'Test template']], 'the first one is kept as it was');

  // After a reload it is still listed.
  await page.reload();
  await h1(page, 'Templates').waitFor();
  await eventually(() => titlesIn(page, 'Imported on this device'), [TEST_TEMPLATE.title], 'still imported after a reload');

  // Chosen on a person page, it sets the steps, the question and the scale.
  await addPerson(page, 'Ravi');
  const choices = await page.getByLabel('Which assessment').locator('option').allTextContents();
  assert.deepEqual(choices, [TEMPLATES.holistic.title, TEMPLATES.quick.title, TEMPLATES.satisfaction.title, TEST_TEMPLATE.title]);
  const assessmentId = await startAssessment(page, { template: TEST_TEMPLATE });
  await page.getByRole('group', { name: GOOD.question }).waitFor();
  await page.getByText('0 means very bad. 10 means very good. You can leave it blank.').waitFor();
  assert.deepEqual(
    await page.getByRole('group', { name: 'Is anything here a worry? Tick any that apply.' }).getByRole('checkbox').evaluateAll((bs) => bs.map((b) => b.labels[0].textContent)),
    ['Pain', 'Sleep'],
  );
  await expectSaved(page, () => answerStep(page, { score: 8, concerns: ['Sleep'] }));
  await jumpToStep(page, 2, TEST_TEMPLATE.steps);
  await expectSaved(page, () => answerStep(page, { score: 3 }));
  await jumpToStep(page, 6, TEST_TEMPLATE.steps); // its one measure: ONS4
  await finishAssessment(page, 'Ravi', TEST_TEMPLATE.steps);
  await page.getByText('2 of 5 parts of life scored.', { exact: false }).waitFor();
  const table = await scoreTable(page);
  assert.deepEqual(Object.keys(table), GOOD.areas.map((a) => a.title));
  assert.equal(table.Health.score, '8 out of 10');
  assert.equal(table.Money.score, '3 out of 10');
  const [assessment] = await readStore(page, 'assessments');
  assert.equal(assessment.id, assessmentId);
  assert.equal(assessment.template_id, 'test-5');
  assert.equal(assessment.template_version, 1);
  assert.deepEqual(assessment.answers.find((a) => a.area_id === 'health').concerns, ['Sleep']);
  e2e.errors.assertNone('import');
});

test('the 1-to-7 "Satisfaction review" template works end to end', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  const { steps } = TEMPLATES.satisfaction;
  await startClockOn(page, '2026-06-15');
  await openApp(e2e);
  const personId = await addPerson(page, 'Mo');
  await startAssessment(page, { template: TEMPLATES.satisfaction });
  const values = await page.getByRole('group', { name: 'How happy are you with this part of your life?' }).getByRole('radio').evaluateAll((rs) => rs.map((r) => r.value));
  assert.deepEqual(values, ['1', '2', '3', '4', '5', '6', '7'], 'seven score buttons, 1 to 7');
  await page.getByText('1 means very unhappy with it. 7 means very happy with it. You can leave it blank.').waitFor();
  assert.equal(await page.getByRole('group', { name: /worry/ }).count(), 0, 'no worries to tick in this template');
  await expectNoAxeViolations(page, 'satisfaction review step');
  await expectSaved(page, () => answerStep(page, { score: 1 }));
  await jumpToStep(page, 2, steps);
  await expectSaved(page, () => answerStep(page, { score: 7, support: true }));
  await jumpToStep(page, 8, steps);
  assert.equal(await page.getByRole('button', { name: 'Next', exact: true }).count(), 0, 'step 8 is the last: no measures');
  await expectSaved(page, () => answerStep(page, { score: 4 }));
  await finishAssessment(page, 'Mo', steps);

  const wheel = page.getByRole('img', { name: 'Wheel of life', exact: true });
  await wheel.waitFor();
  const desc = await wheel.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
  assert.match(desc, /Mental health: 1 out of 7/);
  assert.match(desc, /Physical health: 7 out of 7/);
  assert.match(desc, /Work or daytime activity: Not scored/);
  await page.getByText('3 of 8 parts of life scored.', { exact: false }).waitFor();
  const table = await scoreTable(page);
  assert.deepEqual(Object.keys(table), steps);
  assert.deepEqual([table['Mental health'].score, table['Physical health'].score, table['Feeling safe'].score], ['1 out of 7', '7 out of 7', '4 out of 7']);
  assert.equal(table['Physical health'].support, 'Yes');
  await expectNoAxeViolations(page, 'summary, 1 to 7');

  // A review uses the same template, and shows last time on its scale.
  await page.goto(e2e.urlFor(`#/people/${personId}`));
  await h1(page, 'Mo').waitFor();
  assert.equal(await page.getByLabel('Which assessment').inputValue(), TEMPLATES.satisfaction.title, 'a review defaults to the last template');
  await startReview(page, { template: TEMPLATES.satisfaction });
  assert.deepEqual(await lastTimeLines(page), [`Last time: 1 out of 7 (${longDate('2026-06-15')})`]);
  assert.equal(await scoreRadio(page, 0).count(), 0, 'no 0 on a 1 to 7 scale');
  await expectStep(page, 1, steps);
  e2e.errors.assertNone('satisfaction');
});

test('"Download as a file" gives the template as JSON, ready to change and import', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e);
  await goToTemplates(page);
  const files = tempFiles({});
  try {
    const download = async (title) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download ${title} as a file` }).click(),
      ]);
      const to = files.path(file.suggestedFilename());
      await file.saveAs(to);
      return { name: file.suggestedFilename(), to, json: JSON.parse(fs.readFileSync(to, 'utf8')) };
    };
    const satisfaction = await download(TEMPLATES.satisfaction.title);
    assert.equal(satisfaction.name, 'linkwheel-template-satisfaction-8-v1.json');
    assert.equal(satisfaction.json.id, 'satisfaction-8');
    assert.equal(satisfaction.json.schema_version, 1);
    assert.equal(satisfaction.json.version, 1);
    assert.deepEqual([satisfaction.json.scale.min, satisfaction.json.scale.max], [1, 7]);
    assert.deepEqual(satisfaction.json.areas.map((a) => a.title), TEMPLATES.satisfaction.steps);

    const holistic = await download(TEMPLATES.holistic.title);
    assert.equal(holistic.name, 'linkwheel-template-holistic-12-v1.json');
    assert.equal(holistic.json.id, 'holistic-12');
    assert.equal(holistic.json.areas.length, 12);
    assert.deepEqual(holistic.json.measures, ['ons4', 'ucla3']);

    // As the docs suggest: change the copy, give it an id and title of its own, import it.
    const own = { ...holistic.json, id: 'our-holistic', title: 'Our holistic check', areas: holistic.json.areas.slice(0, 6) };
    const ownFile = files.path('our-holistic.json');
    fs.writeFileSync(ownFile, JSON.stringify(own, null, 2));
    const result = await importTemplate(page, ownFile);
    assert.equal((await result.textContent()).trim(), '“Our holistic check” (version 1) is ready. Choose it when you start an assessment.');
    assert.deepEqual((await readStore(page, 'templates')).map((r) => r.key), ['our-holistic@1']);
  } finally {
    files.cleanup();
  }
  e2e.errors.assertNone('download');
});

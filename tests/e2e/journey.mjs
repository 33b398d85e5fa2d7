// Shared steps for Linkwheel's end-to-end tests. Everything here finds
// elements the way a person would: by role and accessible name, or by label.
//
//   import { openApp, addPerson, startAssessment, answerStep, ... } from './journey.mjs';
//
// openApp() must be the first thing a test does with a page: it installs the
// save-status recorder (an init script) before the app loads.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** The 12 life areas of the holistic template, in step order. */
export const AREAS = Object.freeze([
  'Physical health',
  'Mental and emotional wellbeing',
  'Friends and social life',
  'Family and relationships',
  'Money and benefits',
  'Home and housing',
  'Work, volunteering and learning',
  'Getting active',
  'Daily living and looking after yourself',
  'Hobbies, creativity and fun',
  'Faith, meaning and purpose',
  'Culture, identity and community',
]);

/** Per-test limit: a whole journey takes ~15 s on 2 cores; this is generous but finite. */
export const TEST_TIMEOUT_MS = 120_000;

/** Generous but finite wait for app reactions (IndexedDB, routing). */
export const WAIT_MS = 10_000;

/** Escape a string for use inside a RegExp. */
export const re = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Run one labelled part of a long journey; failures say which part broke. */
export async function step(label, fn) {
  try {
    return await fn();
  } catch (err) {
    if (err && typeof err === 'object') {
      err.message = `[${label}] ${err.message}`;
      if (typeof err.stack === 'string') err.stack = `[${label}] ${err.stack}`;
    }
    throw err;
  }
}

// ------------------------------------------------------------------ save status

/**
 * Init script: records every text the save status(es) show, in order, in
 * window.__saveLog. The status goes "Saving…" then "Saved"; a MutationObserver
 * sees both, so a test can wait for a *new* "Saved" after an action instead
 * of being fooled by the "Saved" left over from the previous change.
 */
function recordSaveStatus() {
  window.__saveLog = [];
  let last = null;
  const read = () => {
    const els = document.querySelectorAll('[data-testid="save-status"]');
    const text = Array.from(els, (el) => el.textContent.trim()).join(' | ');
    if (text && text !== last) window.__saveLog.push(text);
    last = text;
  };
  new MutationObserver(read).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Prepare a fresh page (recorder) and open the app at `rel` (a hash route, e.g. '#/settings'). */
export async function openApp(e2e, rel = '', page = e2e.page) {
  await page.addInitScript(recordSaveStatus);
  await page.goto(e2e.urlFor(rel), { waitUntil: 'load' });
  await appReady(page);
  return page;
}

/** Wait until the app has replaced the loading message with a page heading. */
export async function appReady(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS * 2 });
}

/** The visible save status (role=status) of the current page. */
export function saveStatus(page) {
  return page.getByRole('status').filter({ hasText: /^(Saved|Saving…|Changes save by themselves|Not saved.*)$/ });
}

/**
 * Do `action`, then wait until the save status has said "Saved" again (after
 * the action) and still says so. Fails if it shows "Not saved". Returns what
 * the status said after the action, in order (e.g. ['Saving…', 'Saved']).
 */
export async function expectSaved(page, action, { timeout = WAIT_MS } = {}) {
  const before = await page.evaluate(() => (window.__saveLog ? window.__saveLog.length : -1));
  assert.notEqual(before, -1, 'expectSaved: the page was not opened with openApp(), so the save recorder is missing');
  await action();
  const handle = await page.waitForFunction(
    (n) => {
      const log = window.__saveLog.slice(n);
      const last = window.__saveLog[window.__saveLog.length - 1] || '';
      if (log.some((t) => t.includes('Not saved'))) return log.join(' -> ');
      return log.some((t) => t === 'Saved') && last === 'Saved' ? 'ok' : false;
    },
    before,
    { timeout },
  );
  const result = await handle.jsonValue();
  assert.equal(result, 'ok', `save failed: ${result}`);
  assert.equal(await saveStatus(page).first().textContent(), 'Saved');
  return page.evaluate((n) => window.__saveLog.slice(n), before);
}

// ------------------------------------------------------------------ IndexedDB

/** Every record in one store of the app's database (`linkwheel`). */
export async function readStore(page, store) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('linkwheel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            reject(new Error(`no object store "${name}" (has: ${Array.from(db.objectStoreNames).join(', ')})`));
            return;
          }
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => {
            db.close();
            reject(req.error);
          };
        };
      }),
    store,
  );
}

// ------------------------------------------------------------------ navigation

export function mainNav(page) {
  return page.getByRole('navigation', { name: 'Main' });
}

export function h1(page, name) {
  return page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
}

/** Go to the caseload through the main navigation. */
export async function goToCaseload(page) {
  await mainNav(page).getByRole('link', { name: 'People', exact: true }).click();
  await h1(page, 'People').waitFor();
}

/** The names listed on the caseload, in the order shown (waits for the caseload to load). */
export async function listedPeople(page) {
  const list = page.getByRole('list', { name: 'People' });
  await list.or(page.getByRole('heading', { level: 2, name: 'No one here yet' })).first().waitFor({ state: 'attached' });
  if ((await list.count()) === 0) return [];
  const texts = await list.getByRole('listitem').allInnerTexts();
  return texts.map((t) => t.replace(/\s*(No assessment yet|Last assessment: .*)\s*$/s, '').trim());
}

// ------------------------------------------------------------------ people

/**
 * Register a person from the caseload's "New person" link. Ends on their page.
 * @param {import('playwright-core').Page} page
 * @param {{preferred: string, full?: string, dob?: string, pronouns?: string, phone?: string, email?: string, referredBy?: string, note?: string}} p
 * @returns {Promise<string>} the person's id (from the URL)
 */
export async function addPerson(page, p) {
  if (typeof p === 'string') p = { preferred: p };
  await goToCaseload(page);
  await page.getByRole('link', { name: 'New person' }).click();
  await h1(page, 'New person').waitFor();
  await page.getByLabel('Preferred name').fill(p.preferred);
  const optional = [
    ['Full name', p.full],
    ['Date of birth', p.dob],
    ['Pronouns', p.pronouns],
    ['Phone', p.phone],
    ['Email', p.email],
    ['Referred by', p.referredBy],
    ['Note', p.note],
  ];
  for (const [label, value] of optional) {
    if (value !== undefined) await page.getByLabel(label).fill(value);
  }
  await page.getByRole('button', { name: 'Save person' }).click();
  await h1(page, p.preferred).waitFor();
  const m = page.url().match(/#\/people\/([^/?#]+)$/);
  assert.ok(m, `after saving a person the URL should be #/people/ID, got ${page.url()}`);
  return decodeURIComponent(m[1]);
}

/** On a person's page: "Start an assessment". Ends on step 1. Returns the assessment id. */
export async function startAssessment(page) {
  await page.getByRole('button', { name: 'Start an assessment' }).click();
  await expectStep(page, 1);
  const m = page.url().match(/#\/assessments\/([^/?#]+)$/);
  assert.ok(m, `assessment URL expected, got ${page.url()}`);
  return decodeURIComponent(m[1]);
}

// ------------------------------------------------------------------ assessment

/** Assert the assessment shows step `n` (1-based): "Step n of 12" and the area's heading. */
export async function expectStep(page, n) {
  await page.getByText(`Step ${n} of 12`, { exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: AREAS[n - 1], exact: true }).waitFor();
}

export function scoreRadio(page, n) {
  return page.getByRole('radio', { name: String(n), exact: true });
}

/**
 * Fill in the current step. Each part is optional.
 * @param {{score?: number, concerns?: string[], own?: string[], matters?: string, support?: boolean}} a
 */
export async function answerStep(page, { score, concerns = [], own = [], matters, support } = {}) {
  if (score !== undefined) await scoreRadio(page, score).check();
  for (const c of concerns) await page.getByRole('checkbox', { name: c, exact: true }).check();
  for (const c of own) {
    await page.getByLabel('Add a worry in your own words').fill(c);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const box = page.getByRole('checkbox', { name: new RegExp(`^${re(c)}\\s*own words$`) });
    await box.waitFor();
    assert.equal(await box.isChecked(), true, `own-words worry "${c}" should be ticked`);
  }
  if (matters !== undefined) await page.getByLabel('What matters to me here').fill(matters);
  if (support) await page.getByRole('checkbox', { name: 'I would like support with this' }).check();
}

/** Click "Next" and check step n+1 opened. */
export async function nextStep(page, from) {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectStep(page, from + 1);
}

/** The step list ("All steps") button for step n. */
export function stepButton(page, n) {
  return page
    .getByRole('navigation', { name: 'All steps' })
    .getByRole('button', { name: new RegExp(`^Step ${n}: ${re(AREAS[n - 1])}, (answered|not answered yet)$`) });
}

/** Jump to step n with the step list. */
export async function jumpToStep(page, n) {
  await stepButton(page, n).click();
  await expectStep(page, n);
}

/** From any step: jump to 12 and "Finish and see the wheel". Ends on the summary. */
export async function finishAssessment(page, name) {
  await jumpToStep(page, 12);
  await page.getByRole('button', { name: 'Finish and see the wheel' }).click();
  await h1(page, `Wheel of life for ${name}`).waitFor();
}

// ------------------------------------------------------------------ summary

/** The summary table as { 'Physical health': { score: '4 out of 10', support: 'Yes' }, ... }. */
export async function scoreTable(page) {
  const table = page.getByRole('table', { name: 'Scores for each part of life' });
  await table.waitFor();
  const rows = await table.getByRole('row').evaluateAll((trs) =>
    trs
      .filter((tr) => tr.querySelector('th[scope="row"]'))
      .map((tr) => [tr.querySelector('th').textContent.trim(), ...Array.from(tr.querySelectorAll('td'), (td) => td.textContent.trim())]),
  );
  return Object.fromEntries(rows.map(([area, score, support]) => [area, { score, support }]));
}

/** The "choose up to 3" checkbox of an area on the summary (its label may end with "suggested"). */
export function priorityBox(page, area) {
  return page.getByRole('checkbox', { name: new RegExp(`^${re(area)}( suggested)?$`) });
}

// ------------------------------------------------------------------ plan

/**
 * Add a goal with the goal form ("Add a goal" … "Save goal").
 * @param {{area: string, text: string, firstStep?: string, whoCanHelp?: string, target?: string, term?: 'Short-term'|'Long-term'}} g
 */
export async function addGoal(page, g) {
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await fillGoalForm(page, g);
  await page.getByRole('button', { name: 'Save goal' }).click();
  await goalsRegion(page).getByRole('heading', { level: 3, name: g.text, exact: true }).waitFor();
}

export async function fillGoalForm(page, g) {
  const form = page.getByRole('form', { name: /Add a goal|Change this goal/ });
  await form.waitFor();
  if (g.area !== undefined) await form.getByLabel('Part of life').selectOption({ label: g.area });
  if (g.text !== undefined) await form.getByLabel("The goal, in the person's words").fill(g.text);
  if (g.firstStep !== undefined) await form.getByLabel('First small step').fill(g.firstStep);
  if (g.whoCanHelp !== undefined) await form.getByLabel('Who can help').fill(g.whoCanHelp);
  if (g.target !== undefined) await form.getByLabel('Target date').fill(g.target);
  if (g.term !== undefined) await form.getByRole('radio', { name: g.term }).check();
}

export function goalsRegion(page) {
  return page.getByRole('region', { name: 'Goals' });
}

/** Poll `read` until it deep-equals `want` (or time out and fail with the last value). */
export async function eventually(read, want, message, { timeout = WAIT_MS } = {}) {
  const until = Date.now() + timeout;
  let got;
  for (;;) {
    got = await read();
    try {
      assert.deepEqual(got, want, message);
      return got;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Wait until the plan lists exactly these goal texts, in this order. */
export function expectGoals(page, want) {
  return eventually(() => goalTexts(page), want, 'goals on the plan');
}

/** Goal texts on the plan, in order. */
export async function goalTexts(page) {
  return (await goalsRegion(page).getByRole('listitem').getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.trim());
}

// ------------------------------------------------------------------ quick data

/**
 * A person with a finished assessment (a few scores, support on two areas,
 * two priorities) and a plan with one goal. Used where the journey itself is
 * not what is being tested. Ends on the plan page.
 * @returns {Promise<{personId: string, assessmentId: string, planId: string}>}
 */
export async function quickPlan(page, name = 'Sam') {
  const personId = await addPerson(page, { preferred: name, full: `${name} Okafor` });
  const assessmentId = await startAssessment(page);
  await answerStep(page, { score: 4, concerns: ['Pain'], matters: 'Walking my dog without pain', support: true });
  await nextStep(page, 1);
  await answerStep(page, { score: 6 });
  await jumpToStep(page, 5);
  await answerStep(page, { score: 2, concerns: ['Debt', 'Heating'], support: true });
  await jumpToStep(page, 8);
  await answerStep(page, { score: 7 });
  await finishAssessment(page, name);
  await priorityBox(page, 'Money and benefits').check();
  await priorityBox(page, 'Physical health').check();
  await page.getByRole('button', { name: 'Make an action plan' }).click();
  await h1(page, `Action plan for ${name}`).waitFor();
  const planId = decodeURIComponent(page.url().match(/#\/plans\/([^/?#]+)$/)[1]);
  await expectSaved(page, () => page.getByLabel('What matters to me', { exact: true }).fill('Being able to get out and see people again.'));
  await addGoal(page, {
    area: 'Money and benefits',
    text: 'Sort out my heating bills',
    firstStep: 'Call the energy company on Monday',
    whoCanHelp: 'Citizens Advice',
    target: '2026-12-15',
  });
  await expectSaved(page, () => page.getByLabel('Next review date').fill('2027-01-10'));
  return { personId, assessmentId, planId };
}

// ------------------------------------------------------------------ PDF

/** Text of a PDF (pdftotext from poppler-utils), whitespace collapsed. */
export function pdfText(file) {
  if (!fs.existsSync('/usr/bin/pdftotext')) {
    throw new Error('pdftotext is missing: install poppler-utils (apt-get install poppler-utils) to check the printed plan');
  }
  const out = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return out.replace(/\s+/g, ' ').trim();
}

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

/** The two optional outcome-measure steps that follow the life areas. */
export const ONS4 = 'Personal wellbeing (ONS4)';
export const UCLA3 = 'Loneliness (UCLA 3-item scale)';

/** Every step of the default (holistic) template: 12 life areas, then ONS4 and UCLA. */
export const STEPS = Object.freeze([...AREAS, ONS4, UCLA3]);

/** The built-in templates as the "Which assessment" list names them, with their steps. */
export const TEMPLATES = Object.freeze({
  holistic: Object.freeze({ id: 'holistic-12', title: 'Holistic needs and wheel of life', steps: STEPS }),
  quick: Object.freeze({
    id: 'quick-8',
    title: 'Quick check-in',
    steps: Object.freeze([
      'Health',
      'Feelings',
      'People around you',
      'Home',
      'Money',
      'Your days',
      'Getting out and about',
      'Things to look forward to',
      ONS4,
    ]),
  }),
  satisfaction: Object.freeze({
    id: 'satisfaction-8',
    title: 'Satisfaction review',
    steps: Object.freeze([
      'Mental health',
      'Physical health',
      'Work or daytime activity',
      'Where you live',
      'Money',
      'Friendships',
      'Family and partner',
      'Feeling safe',
    ]),
  }),
});

/** The ONS4 questions, word for word, in order (0 to 10 each). */
export const ONS4_QUESTIONS = Object.freeze([
  'Overall, how satisfied are you with your life nowadays?',
  'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
  'Overall, how happy did you feel yesterday?',
  'Overall, how anxious did you feel yesterday?',
]);

/** The UCLA 3-item questions, in order, and the words for 1, 2 and 3. */
export const UCLA_QUESTIONS = Object.freeze([
  'How often do you feel that you lack companionship?',
  'How often do you feel left out?',
  'How often do you feel isolated from others?',
]);
export const UCLA_WORDS = Object.freeze({ 1: 'Hardly ever', 2: 'Some of the time', 3: 'Often' });

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

/** Wait until the app has replaced the loading message (or a new device's
 *  first screen from index.html, #first-run) with a page heading. */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('first-run'), null, { timeout: WAIT_MS * 2 });
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

// ------------------------------------------------------------------ service worker

/**
 * Wait until the service worker (sw.js, registered by boot.js on load) has
 * stored every file and controls the page: from then on the app starts with
 * no network. Returns its scope and script URL.
 * @returns {Promise<{scope: string, script: string}>}
 */
export async function offlineReady(page, { timeout = WAIT_MS * 3 } = {}) {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller), null, { timeout });
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return { scope: reg.scope, script: reg.active.scriptURL };
  });
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
 * Fill in the person form (new or edit). Each part is optional; text fields
 * are filled, `referredBy` is chosen in "Who referred them", and `consent` /
 * `risk` tick (true) or untick (false) their boxes.
 * @param {import('playwright-core').Page} page
 * @param {PersonFields} p
 *
 * @typedef {{preferred?: string, full?: string, dob?: string, pronouns?: string, phone?: string, email?: string,
 *   referredBy?: string, referralDate?: string, referralReason?: string,
 *   consent?: boolean, consentDate?: string, consentNote?: string,
 *   risk?: boolean, riskNote?: string, note?: string}} PersonFields
 */
export async function fillPersonForm(page, p) {
  const text = [
    ['Preferred name', p.preferred],
    ['Full name', p.full],
    ['Date of birth', p.dob],
    ['Pronouns', p.pronouns],
    ['Phone', p.phone],
    ['Email', p.email],
    ['Date the referral came in', p.referralDate],
    ['Reason for the referral', p.referralReason],
    ['Notes about consent', p.consentNote],
    ['What the concern is', p.riskNote],
    [/^Note( \(optional\))?$/, p.note], // not "Notes about consent"
  ];
  if (p.referredBy !== undefined) await page.getByLabel('Who referred them').selectOption({ label: p.referredBy });
  // Ticking consent fills in today's date: tick first, then type the date.
  const box = (name) => page.getByRole('checkbox', { name, exact: true });
  if (p.consent !== undefined) await box('They agreed to their information being kept on this device').setChecked(p.consent);
  if (p.risk !== undefined) await box('There is a safeguarding or risk concern').setChecked(p.risk);
  if (p.consentDate !== undefined) await page.getByLabel('Date they agreed').fill(p.consentDate);
  for (const [label, value] of text) {
    if (value !== undefined) await page.getByLabel(label).fill(value);
  }
}

/**
 * Register a person from the caseload's "New person" link. Ends on their page.
 * @param {import('playwright-core').Page} page
 * @param {PersonFields & {preferred: string} | string} p
 * @returns {Promise<string>} the person's id (from the URL)
 */
export async function addPerson(page, p) {
  if (typeof p === 'string') p = { preferred: p };
  await goToCaseload(page);
  await page.getByRole('link', { name: 'New person' }).click();
  await h1(page, 'New person').waitFor();
  await fillPersonForm(page, p);
  await page.getByRole('button', { name: 'Save person' }).click();
  await h1(page, p.preferred).waitFor();
  const m = page.url().match(/#\/people\/([^/?#]+)$/);
  assert.ok(m, `after saving a person the URL should be #/people/ID, got ${page.url()}`);
  return decodeURIComponent(m[1]);
}

/** On a person's page: "Edit details", change what `p` gives, "Save changes". Ends back on their page. */
export async function editPerson(page, name, p) {
  await page.getByRole('link', { name: 'Edit details' }).click();
  await h1(page, `Edit ${name}`).waitFor();
  await fillPersonForm(page, p);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await h1(page, p.preferred ?? name).waitFor();
}

/** Open a person's page from the caseload (their card is a link starting with their name). */
export async function openPerson(page, name) {
  await goToCaseload(page);
  await page.getByRole('list', { name: 'People' }).getByRole('link', { name: new RegExp(`^${re(name)}\\b`) }).click();
  await h1(page, name).waitFor();
}

/**
 * On a person's page: choose a template in "Which assessment" (if given),
 * then press the start button ("Start an assessment", or with review: true
 * "Start a review"). Ends on step 1. Returns the assessment id.
 * @param {{template?: {title: string, steps: readonly string[]}, review?: boolean}} [options]
 */
export async function startAssessment(page, { template, review = false } = {}) {
  if (template) await page.getByLabel('Which assessment').selectOption({ label: template.title });
  await page.getByRole('button', { name: review ? 'Start a review' : 'Start an assessment', exact: true }).click();
  await expectStep(page, 1, template?.steps);
  const m = page.url().match(/#\/assessments\/([^/?#]+)$/);
  assert.ok(m, `assessment URL expected, got ${page.url()}`);
  return decodeURIComponent(m[1]);
}

/** On a person's page with a finished assessment: "Start a review". Ends on step 1. */
export function startReview(page, options = {}) {
  return startAssessment(page, { ...options, review: true });
}

// ------------------------------------------------------------------ episode

/** The person page's contact log section. */
export function contactsRegion(page) {
  return page.getByRole('region', { name: 'Contacts' });
}

/**
 * On a person's page: add a contact with the "Contacts" form and wait until
 * it is in the log. `date` is YYYY-MM-DD ('' leaves it blank). With
 * `refused: true` (the default for a blank date) it does not wait.
 * @param {{date: string, how?: string, note?: string}} c
 * @param {{refused?: boolean}} [options]
 */
export async function addContact(page, { date, how, note }, { refused = !date } = {}) {
  const log = contactsRegion(page);
  const before = await contactLog(page);
  await log.getByLabel('Date', { exact: true }).fill(date);
  if (how !== undefined) await log.getByLabel('How', { exact: true }).selectOption({ label: how });
  if (note !== undefined) await log.getByLabel('Short note').fill(note);
  await log.getByRole('button', { name: 'Add to the log' }).click();
  if (!refused) await eventually(async () => (await contactLog(page)).length, before.length + 1, 'the contact is in the log');
}

/** The contact log as shown, in order: ["12 June 2026: Home visit — First visit", ...] (note after " — "). */
export async function contactLog(page) {
  const list = contactsRegion(page).getByRole('list', { name: 'Contacts, newest first' });
  if ((await list.count()) === 0) return [];
  return list.getByRole('listitem').evaluateAll((lis) =>
    lis.map((li) => Array.from(li.querySelectorAll('p.contact-when, p.contact-note'), (p) => p.textContent.trim()).join(' — ')),
  );
}

/**
 * On a person's page: close the episode with the "Close this episode" form.
 * @param {{outcome: string, date?: string, note?: string}} c
 */
export async function closeEpisode(page, { outcome, date, note }) {
  const form = page.getByRole('region', { name: 'Close this episode' });
  await form.getByLabel('Outcome').selectOption({ label: outcome });
  if (date !== undefined) await form.getByLabel('Date closed').fill(date);
  if (note !== undefined) await form.getByLabel('Note', { exact: true }).fill(note);
  await form.getByRole('button', { name: 'Close the episode' }).click();
  await page.getByRole('region', { name: 'This episode is closed' }).waitFor();
}

/**
 * The caseload's cards, in order: name, tags ("Risk concern", "Closed",
 * "Overdue", "Due this week") and the other lines.
 * @returns {Promise<{name: string, tags: string[], lines: string[]}[]>}
 */
export async function caseloadCards(page) {
  const list = page.getByRole('list', { name: 'People' });
  await list.or(page.getByRole('heading', { level: 2, name: 'No one here yet' })).first().waitFor({ state: 'attached' });
  if ((await list.count()) === 0) return [];
  return list.getByRole('link').evaluateAll((links) =>
    links.map((a) => ({
      name: a.querySelector('.person-name').firstChild.textContent.trim(),
      tags: Array.from(a.querySelectorAll('.tag'), (t) => t.textContent.trim()),
      lines: Array.from(a.querySelectorAll('.person-meta'), (m) => m.firstChild.textContent.trim()),
    })),
  );
}

/** The caseload's count line ("3 people on this device (1 closed not shown)"). */
export function caseloadCount(page) {
  return page.locator('p.result-count[role="status"]');
}

// ------------------------------------------------------------------ assessment

/**
 * Assert the assessment shows step `n` (1-based): "Step n of 14" and the
 * step's heading. `steps` is the template's step list (default: holistic).
 */
export async function expectStep(page, n, steps = STEPS) {
  await page.getByText(`Step ${n} of ${steps.length}`, { exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: steps[n - 1], exact: true }).waitFor();
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
export async function nextStep(page, from, steps = STEPS) {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectStep(page, from + 1, steps);
}

/** The step list ("All steps") button for step n. */
export function stepButton(page, n, steps = STEPS) {
  return page
    .getByRole('navigation', { name: 'All steps' })
    .getByRole('button', { name: new RegExp(`^Step ${n}: ${re(steps[n - 1])}, (answered|not answered yet)$`) });
}

/** Jump to step n with the step list. */
export async function jumpToStep(page, n, steps = STEPS) {
  await stepButton(page, n, steps).click();
  await expectStep(page, n, steps);
}

/**
 * From any step: jump to the last step (14 for the holistic template) and
 * "Finish and see the wheel". Ends on the summary.
 */
export async function finishAssessment(page, name, steps = STEPS) {
  await jumpToStep(page, steps.length, steps);
  await page.getByRole('button', { name: 'Finish and see the wheel' }).click();
  await h1(page, `Wheel of life for ${name}`).waitFor();
}

/** The fieldset (radio group) of one ONS4 or UCLA question on a measure step. */
export function questionGroup(page, question) {
  return page.getByRole('group', { name: question, exact: true });
}

/**
 * On the ONS4 step: answer the questions given, in order (null skips one).
 * @param {(number|null)[]} scores  0 to 10 each
 */
export async function answerOns4(page, scores) {
  for (const [i, score] of scores.entries()) {
    if (score !== null && score !== undefined) await questionGroup(page, ONS4_QUESTIONS[i]).getByRole('radio', { name: String(score), exact: true }).check();
  }
}

/**
 * On the UCLA step: answer the questions given, in order (null skips one).
 * @param {(1|2|3|null)[]} answers  1 hardly ever, 2 some of the time, 3 often
 */
export async function answerUcla(page, answers) {
  for (const [i, a] of answers.entries()) {
    if (a !== null && a !== undefined) await questionGroup(page, UCLA_QUESTIONS[i]).getByRole('radio', { name: UCLA_WORDS[a], exact: true }).check();
  }
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

// ------------------------------------------------------------------ quick data (more)

/**
 * A person with a finished assessment (one score) and an empty plan, made
 * with "Make an action plan". Ends on the plan page.
 * @returns {Promise<{personId: string, planId: string}>}
 */
export async function personWithPlan(page, name, { score = 5 } = {}) {
  const personId = await addPerson(page, name);
  await startAssessment(page);
  await expectSaved(page, () => answerStep(page, { score }));
  await finishAssessment(page, name);
  await page.getByRole('button', { name: 'Make an action plan' }).click();
  await h1(page, `Action plan for ${name}`).waitFor();
  const planId = decodeURIComponent(page.url().match(/#\/plans\/([^/?#]+)$/)[1]);
  return { personId, planId };
}

/** On a person's page with a finished assessment: a review with one score, finished. Ends on the summary. */
export async function quickReview(page, name, { score = 7 } = {}) {
  await startReview(page);
  await expectSaved(page, () => answerStep(page, { score }));
  await finishAssessment(page, name);
}

// ------------------------------------------------------------------ templates page

/** Go to the Templates page through the main navigation. */
export async function goToTemplates(page) {
  await mainNav(page).getByRole('link', { name: 'Templates', exact: true }).click();
  await h1(page, 'Templates').waitFor();
  await page.getByRole('region', { name: 'Imported on this device' }).waitFor();
}

/**
 * On the Templates page: choose `file` (a path) and "Check and import".
 * Returns the outcome: the success banner (role status) or the refusal
 * (role alert). If an earlier outcome is still shown, the page is reloaded
 * first, so the one returned is certainly this file's.
 */
export async function importTemplate(page, file) {
  const result = page.getByRole('region', { name: 'Import a template' }).locator('#import-result');
  if (await result.count()) {
    await page.reload();
    await h1(page, 'Templates').waitFor();
  }
  const region = page.getByRole('region', { name: 'Import a template' });
  await region.getByLabel('Template file').setInputFiles(file);
  await region.getByRole('button', { name: 'Check and import' }).click();
  await result.waitFor();
  return result;
}

// ------------------------------------------------------------------ dates and tables

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-03" → "3 March 2026", as the app shows dates. */
export function longDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The local date `days` from today (negative: before), as YYYY-MM-DD. */
export function isoDaysFromToday(days, from = new Date()) {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days, 12);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Give the browser a clock that starts on `date` (YYYY-MM-DD, 10:00 local
 * time) and keeps running. Call before openApp(). The app's "today" (new
 * assessments, goal reviews, "Due this week") follows it.
 */
export async function startClockOn(page, date) {
  await page.clock.install({ time: new Date(`${date}T10:00:00`) });
}

/** Move the installed clock to `date` (10:00 local), as if weeks had passed. Reload or navigate to see it. */
export async function moveClockTo(page, date) {
  await page.clock.setSystemTime(new Date(`${date}T10:00:00`));
}

/**
 * The body rows of a table that has a row header per row, as arrays of
 * cell texts: [row header, ...cells]. A cell's text is its parts joined by
 * single spaces ("↑ Up 3: better", "Life satisfaction Higher is better").
 * @param {import('playwright-core').Locator} table
 * @returns {Promise<string[][]>}
 */
export async function tableRows(table) {
  return (await bodyRows(table)).map((r) => r.cells);
}

/** The same, keyed by the row header's first part: { 'Physical health': ['4', '7', '↑ Up 3: better'] }. */
export async function tableByRow(table) {
  return Object.fromEntries((await bodyRows(table)).map((r) => [r.head, r.cells.slice(1)]));
}

/** Each body row: its header's first part, and every cell's text. */
async function bodyRows(table) {
  await table.waitFor();
  return table.evaluate((t) => {
    const text = (cell) =>
      Array.from(cell.childNodes, (n) => n.textContent.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join(' ');
    return Array.from(t.querySelectorAll('tbody tr'), (tr) => ({
      head: tr.children[0].firstChild.textContent.trim(),
      cells: Array.from(tr.children, text),
    }));
  });
}

/**
 * Words broken across two lines inside table cells (header and body), as
 * "word (in: cell text)". A narrow screen may wrap a cell between words;
 * it should never split "health" into "he" and "alth".
 * @returns {Promise<string[]>}
 */
export async function brokenWordsInTables(page) {
  return page.evaluate(() => {
    const broken = [];
    for (const cell of document.querySelectorAll('main table th, main table td')) {
      if (!cell.getClientRects().length) continue; // not shown (e.g. a visually hidden caption's table)
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`${m[0]} (in: ${cell.textContent.trim().slice(0, 40)})`);
        }
      }
    }
    return broken;
  });
}

/** The "Last time: …" lines on the current assessment step, in order. */
export async function lastTimeLines(page) {
  return (await page.getByText(/^Last time: /).allTextContents()).map((t) => t.trim());
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

// ------------------------------------------------------------------ directory

/** Go to the community directory through the main navigation. Waits until it has loaded. */
export async function goToDirectory(page) {
  await mainNav(page).getByRole('link', { name: 'Directory', exact: true }).click();
  await directoryLoaded(page);
}

/** Wait until the Directory page has loaded its entries (the sample card comes with them). */
export async function directoryLoaded(page) {
  await h1(page, 'Community directory').waitFor();
  await page.getByRole('region', { name: 'Sample directory' }).waitFor();
}

/** The names of the entries the Directory page lists, in the order shown. */
export async function listedServices(page) {
  return (await page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.trim());
}

/** The Directory page's count line: "8 entries", "1 entry" or "Showing 2 of 8 entries". */
export function directoryCount(page) {
  return page.getByRole('status').filter({ hasText: /^(\d+ entr(y|ies)|Showing \d+ of \d+ entr(y|ies))$/ });
}

/** One entry of the Directory page, found by its name (its h3). */
export function serviceItem(page, name) {
  return page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

/**
 * What a listed entry shows: its tags ("Takes referrals", "Free", "Sample",
 * "Possibly out of date") and its details ({ Phone: …, 'Life areas': … }).
 * @param {import('playwright-core').Locator} item  from serviceItem()
 */
export async function serviceCard(item) {
  return item.evaluate((li) => ({
    tags: Array.from(li.querySelectorAll('.tag'), (t) => t.textContent.trim()),
    details: Object.fromEntries(Array.from(li.querySelectorAll('dl dt'), (dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])),
  }));
}

/** On the Directory page: "Load the sample directory", and wait until its 8 entries are listed. */
export async function loadSampleDirectory(page) {
  await page.getByRole('button', { name: 'Load the sample directory' }).click();
  await page.getByText('The sample directory is loaded: 8 made-up entries, each marked “Sample”.', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Remove the sample directory' }).waitFor();
}

/** Go to "Import or export" from the Directory page. */
export async function goToDirectoryFiles(page) {
  await page.getByRole('link', { name: 'Import or export', exact: true }).click();
  await h1(page, 'Import or export the directory').waitFor();
  await page.getByRole('region', { name: 'Export' }).waitFor();
}

/**
 * On the Import or export page: choose `file` (a path) and "Check the file".
 * Returns the result (the preview region, or the refusal with role alert).
 * If an earlier result is still shown, the page is reloaded first, so the
 * one returned is certainly this file's.
 */
export async function checkDirectoryFile(page, file) {
  const result = page.locator('#directory-import-result');
  if (await result.count()) {
    await page.reload();
    await h1(page, 'Import or export the directory').waitFor();
    await page.getByRole('region', { name: 'Export' }).waitFor();
  }
  await page.getByLabel('Directory file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await result.waitFor();
  return result;
}

/**
 * What an import preview shows: its heading, the three counts, the rows
 * that cannot be used, and the names of the new and updated entries.
 * @param {import('playwright-core').Locator} result  from checkDirectoryFile()
 */
export async function importPreview(result) {
  return result.evaluate((el) => {
    const texts = (sel) => Array.from(el.querySelectorAll(sel), (n) => n.textContent.trim());
    const named = (summary) => {
      const d = Array.from(el.querySelectorAll('details')).find((x) => x.querySelector('summary').textContent.trim() === summary);
      return d ? Array.from(d.querySelectorAll('li'), (li) => li.textContent.trim()) : [];
    };
    return {
      heading: el.querySelector('h3')?.textContent.trim(),
      counts: texts('ul.preview-counts > li'),
      rejected: texts('ul.rejected > li'),
      new: named('New entries'),
      updated: named('Entries that will be updated'),
    };
  });
}

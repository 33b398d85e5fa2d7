// Kiosk mode on a touch tablet: turned on in Settings with a PIN, the
// welcome screen on every route, a check-in by touch to the printed plan,
// nothing of the visitor left anywhere afterwards (page, IndexedDB, URL,
// history), the idle timeout, a reload, the per-day count, and leaving with
// the PIN. axe-core on every kiosk screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useE2E, expectNoAxeViolations } from './harness.mjs';
import { openApp, readStore, h1, mainNav, pdfText, goToDirectory, directoryLoaded, loadSampleDirectory, step, tableRows, longDate, TEST_TIMEOUT_MS } from './journey.mjs';

// A tablet held upright, used by touch.
const e2e = useE2E({ contextOptions: { viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: true } });

const PIN = '2468';
const WELCOME = 'Check in with yourself';
/** The quick 8-area check-in, the kiosk's default template. */
const AREAS = ['Health', 'Feelings', 'People around you', 'Home', 'Money', 'Your days', 'Getting out and about', 'Things to look forward to'];
/** A directory entry of the venue's own, for "Money". */
const ACTIVITY = { name: 'Riverside Money Advice', address: 'Riverside Library, 1 Mill Lane, AB1 2CD', times: 'Fridays, 2pm to 4pm', cost: '£1 for tea', phone: '01632 960 777' };

const welcome = (page) => h1(page, WELCOME);
const tap = (page, name) => page.getByRole('button', { name, exact: true }).tap();

/** Today in the browser's clock, as YYYY-MM-DD. */
function browserToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

/** The kiosk's settings record (id "kiosk"), or undefined. */
async function kioskRecord(page) {
  return (await readStore(page, 'settings')).find((r) => r.id === 'kiosk')?.value;
}

/** The per-day counts (id "kiosk_counts"), or {}. */
async function counts(page) {
  return (await readStore(page, 'settings')).find((r) => r.id === 'kiosk_counts')?.value ?? {};
}

/** Settings → Kiosk mode: choose the PIN, type it again, turn it on; waits for the welcome screen. */
async function turnOnKiosk(page, { pin = PIN, again = pin } = {}) {
  await page.getByLabel('Choose a kiosk PIN').fill(pin);
  await page.getByLabel('Type the PIN again').fill(again);
  await tap(page, 'Turn on kiosk mode');
}

/** Open Settings and turn kiosk mode on with PIN; the welcome screen shows. */
async function startKiosk() {
  const { page } = e2e;
  await openApp(e2e, '#/settings');
  await page.getByRole('region', { name: 'Kiosk mode' }).waitFor();
  await turnOnKiosk(page);
  await welcome(page).waitFor();
  return page;
}

/** Every record of every IndexedDB database, localStorage and sessionStorage, as JSON text per place. */
async function everythingStored(page) {
  return page.evaluate(async () => {
    const out = {
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
    };
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        out[`indexedDB ${name}/${store}`] = JSON.stringify(rows);
      }
      db.close();
    }
    return out;
  });
}

/**
 * Where any of `texts` can still be found: the page's text, its DOM, the
 * values of its form fields, its title, the URL, history's state, and
 * everything stored. [] when nowhere.
 */
async function traces(page, texts) {
  const shown = await page.evaluate(() => ({
    'page text': document.body.innerText,
    DOM: document.documentElement.outerHTML,
    'form fields': JSON.stringify(Array.from(document.querySelectorAll('input, textarea, select'), (el) => el.value)),
    title: document.title,
    URL: location.href,
    'history state': JSON.stringify(history.state),
  }));
  const places = { ...shown, ...(await everythingStored(page)) };
  const found = [];
  for (const [place, content] of Object.entries(places)) {
    for (const t of texts) if (content.includes(t)) found.push(`"${t}" in ${place}`);
  }
  return found;
}

/** Buttons, links and touch targets on screen smaller than 44 by 44 CSS px. */
async function smallTargets(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('main button, main a, main .score-option label, main .checkbox, main input[type=checkbox]'))
      .filter((el) => el.getClientRects().length)
      .map((el) => [el.textContent.trim() || el.id || el.tagName, el.getBoundingClientRect()])
      .filter(([, r]) => r.width < 44 || r.height < 44)
      .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
}

/** From the welcome screen to the first "What matters" screen, tapping `scores` ({ Health: 3 }) on the way. */
async function answerAreas(page, scores = {}) {
  await tap(page, 'Start');
  for (const [i, area] of AREAS.entries()) {
    await h1(page, area).waitFor();
    await page.getByText(`Question ${i + 1} of ${AREAS.length}`, { exact: true }).waitFor();
    if (scores[area] !== undefined) await page.getByRole('radio', { name: String(scores[area]), exact: true }).tap();
    await tap(page, 'Next');
  }
  await h1(page, 'What matters to me').waitFor();
}

/** A whole check-in from the welcome screen to the summary. */
async function checkIn(page, { scores = {}, matters = '', choose = [], steps = {} } = {}) {
  await answerAreas(page, scores);
  const box = page.getByLabel('In my own words');
  await box.tap();
  await box.fill(matters);
  await tap(page, 'Next');
  await h1(page, 'What would you like to work on?').waitFor();
  for (const area of choose) await page.getByRole('checkbox', { name: new RegExp(`^${area} \\(`) }).tap();
  await tap(page, 'Next');
  if (choose.length) {
    await h1(page, 'Small first steps').waitFor();
    for (const [area, text] of Object.entries(steps)) await page.getByLabel(`A first step for ${area}`).fill(text);
    await tap(page, 'Next');
  }
  if (await h1(page, 'Things near you that could help').isVisible()) await tap(page, 'Next');
  await h1(page, 'Your check-in').waitFor();
}

test('kiosk mode is turned on in Settings with a PIN typed twice, and then every route shows the welcome screen', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e, '#/settings');
  const section = page.getByRole('region', { name: 'Kiosk mode' });
  await section.waitFor();
  assert.equal(await page.getByLabel('Check-in to offer').inputValue(), 'Quick check-in', 'the quick 8-area check-in by default');
  assert.equal(await page.getByLabel('Clear a check-in after no touch for').inputValue(), '3 minutes');
  assert.deepEqual((await tableRows(section.getByRole('table', { name: 'Check-ins completed in the last 14 days' }))).length, 14);
  await expectNoAxeViolations(page, 'settings with the kiosk section');

  await step('a PIN too short, or not the same twice, is refused', async () => {
    await turnOnKiosk(page, { pin: '123' });
    await section.getByText('The PIN must be 4 to 8 digits, numbers only.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'kiosk-pin');
    await turnOnKiosk(page, { pin: '12ab' });
    await section.getByText('The PIN must be 4 to 8 digits, numbers only.').waitFor();
    await turnOnKiosk(page, { pin: PIN, again: '2469' });
    await section.getByText('The two PINs are not the same. Type it again.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'kiosk-pin-again');
    await expectNoAxeViolations(page, 'settings with a refused PIN');
    assert.equal(await kioskRecord(page), undefined, 'nothing saved');
  });

  await step('turned on: the PIN only as a salted PBKDF2 hash', async () => {
    await turnOnKiosk(page);
    await welcome(page).waitFor();
    assert.match(page.url(), /#\/kiosk$/);
    const k = await kioskRecord(page);
    assert.equal(k.enabled, true);
    assert.equal(k.template_id, 'quick-8');
    assert.equal(k.idle_minutes, 3);
    assert.ok(k.iterations >= 100_000, `iterations: ${k.iterations}`);
    assert.equal(Buffer.from(k.salt, 'base64').length, 16, 'a 16-byte salt');
    assert.equal(Buffer.from(k.pin_hash, 'base64').length, 32, 'a 32-byte SHA-256 hash');
    const stored = Object.values(await everythingStored(page)).join('\n');
    assert.ok(!stored.includes(PIN), 'the PIN itself is stored nowhere');
  });

  await step('every route shows the welcome screen, and nothing else of the app', async () => {
    for (const route of ['#/', '#/settings', '#/people/new', '#/directory', '#/templates']) {
      await page.goto(e2e.urlFor(route));
      await welcome(page).waitFor();
      assert.equal(await mainNav(page).count(), 0, `${route}: no navigation`);
      assert.equal(await page.getByLabel('Your name').count(), 0, `${route}: no settings`);
    }
    for (const route of ['#/settings', '#/']) {
      await page.goto(e2e.urlFor(route));
      await page.reload();
      await welcome(page).waitFor();
      assert.equal(await mainNav(page).count(), 0, `${route} after a reload: no navigation`);
      assert.equal(await page.getByRole('heading', { name: 'People' }).count(), 0);
    }
    await expectNoAxeViolations(page, 'kiosk welcome');
    assert.deepEqual(await smallTargets(page), [], 'touch targets of at least 44 by 44 px');
    // The kiosk's own styles come with its module (not with the first load):
    // its start button is the big one they make it.
    const start = await page.getByRole('button', { name: /^Start/ }).first().boundingBox();
    assert.ok(start && start.height >= 80, `the kiosk's start button is large (${JSON.stringify(start)})`);
  });

  await step('"Full screen" fills the screen, and then goes', async () => {
    await tap(page, 'Full screen');
    await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
    await page.getByRole('button', { name: 'Full screen' }).waitFor({ state: 'hidden' });
    await page.evaluate(() => document.exitFullscreen());
    await page.getByRole('button', { name: 'Full screen' }).waitFor();
  });

  await step('made for touch: no text selection or long-press menu outside text boxes', async () => {
    assert.equal(await page.locator('main').evaluate((m) => getComputedStyle(m).userSelect), 'none');
    const prevented = (selector) =>
      page.locator(selector).first().evaluate((el) => !el.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })));
    assert.equal(await prevented('h1'), true, 'no context menu on the welcome screen');
    await answerAreas(page);
    assert.equal(await page.getByLabel('In my own words').evaluate((t) => getComputedStyle(t).userSelect), 'text');
    assert.equal(await prevented('textarea'), false, 'the text box keeps its menu (paste, spelling)');
    await tap(page, 'Back');
    await h1(page, 'Things to look forward to').waitFor();
    assert.equal(await prevented('h1'), true);
  });
  e2e.errors.assertNone('turning kiosk mode on');
});

test('a check-in by touch, printed and finished: the visitor\'s words are nowhere afterwards, and only the day\'s count is kept', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await openApp(e2e, '#/settings');
  await step('the venue\'s directory: one entry of its own, and the made-up sample', async () => {
    await goToDirectory(page);
    await loadSampleDirectory(page);
    await page.getByRole('link', { name: 'Add an entry' }).click();
    await h1(page, 'New directory entry').waitFor();
    await page.getByLabel('Name', { exact: true }).fill(ACTIVITY.name);
    await page.getByRole('checkbox', { name: 'Money and benefits' }).check();
    await page.getByLabel('Address').fill(ACTIVITY.address);
    await page.getByLabel('Days and times').fill(ACTIVITY.times);
    await page.getByLabel('What it costs').fill(ACTIVITY.cost);
    await page.getByLabel('Phone').fill(ACTIVITY.phone);
    await page.getByRole('button', { name: 'Save entry' }).click();
    await directoryLoaded(page);
    await page.goto(e2e.urlFor('#/settings'));
    await page.getByRole('region', { name: 'Kiosk mode' }).waitFor();
    await turnOnKiosk(page);
    await welcome(page).waitFor();
  });
  const before = await everythingStored(page);
  const historyBefore = await page.evaluate(() => history.length);
  const today = await browserToday(page);

  const MATTERS = 'Getting back to the allotment with Bernadette';
  const STEP = 'Ring the money advice line on Friday';
  await step('by touch, from the welcome screen to the summary, axe-clean on each screen', async () => {
    await tap(page, 'Start');
    await h1(page, 'Health').waitFor();
    await page.getByRole('radio', { name: '3', exact: true }).tap();
    assert.equal(await page.getByRole('radio', { name: '3', exact: true }).isChecked(), true);
    await expectNoAxeViolations(page, 'kiosk score step');
    assert.deepEqual(await smallTargets(page), [], 'score buttons of at least 44 by 44 px');
    await tap(page, 'Next');
    for (const [i, area] of AREAS.slice(1).entries()) {
      await h1(page, area).waitFor();
      await page.getByRole('radio', { name: String(i + 4), exact: true }).tap();
      await tap(page, 'Next');
    }
    await h1(page, 'What matters to me').waitFor();
    await page.getByLabel('In my own words').tap();
    await page.getByLabel('In my own words').fill(MATTERS);
    await expectNoAxeViolations(page, 'kiosk what matters');
    await tap(page, 'Next');

    await h1(page, 'What would you like to work on?').waitFor();
    for (const area of ['Money', 'Home', 'Health']) await page.getByRole('checkbox', { name: new RegExp(`^${area} \\(`) }).tap();
    assert.equal(await page.getByRole('checkbox', { name: /^Feelings \(/ }).isDisabled(), true, 'three at most');
    await page.getByText('3 of 3 chosen.').waitFor();
    await page.getByRole('checkbox', { name: /^Health \(/ }).tap();
    await page.getByText('2 of 3 chosen.').waitFor();
    assert.deepEqual(await smallTargets(page), []);
    await expectNoAxeViolations(page, 'kiosk choose areas');
    await tap(page, 'Next');

    await h1(page, 'Small first steps').waitFor();
    await page.getByLabel('A first step for Money').tap();
    await page.getByLabel('A first step for Money').fill(STEP);
    await expectNoAxeViolations(page, 'kiosk first steps');
    await tap(page, 'Next');

    await h1(page, 'Things near you that could help').waitFor();
    const money = page.getByRole('region', { name: 'For Money' });
    await money.getByRole('heading', { level: 3, name: ACTIVITY.name }).waitFor();
    const shown = await money.locator('dl').first().evaluate((dl) =>
      Object.fromEntries(Array.from(dl.querySelectorAll('dt'), (dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    );
    assert.deepEqual(shown, { Where: ACTIVITY.address, When: ACTIVITY.times, Cost: ACTIVITY.cost, Phone: ACTIVITY.phone });
    assert.equal(await page.getByText('(sample)').count(), 0, 'the made-up sample is never offered to the public');
    assert.equal(await page.getByRole('region', { name: 'For Home' }).count(), 0, 'nothing for Home but the sample');
    await expectNoAxeViolations(page, 'kiosk activities');
    await tap(page, 'Next');

    await h1(page, 'Your check-in').waitFor();
    await page.getByRole('img', { name: 'Wheel of life' }).first().waitFor();
    assert.match(await page.locator('#kiosk-wheel-desc').textContent(), /Health: 3 out of 10; Feelings: 4 out of 10/);
    // The printed check-in (hidden on screen) holds the same words.
    await page.getByText(`First step: ${STEP}`).first().waitFor();
    await page.getByText(MATTERS).first().waitFor();
    assert.deepEqual(await smallTargets(page), []);
    await expectNoAxeViolations(page, 'kiosk summary');
  });

  await step('counted once, when the summary is reached; nothing else is stored', async () => {
    await page.waitForFunction(async (day) => {
      const rows = await new Promise((resolve) => {
        const open = indexedDB.open('linkwheel');
        open.onsuccess = () => {
          const req = open.result.transaction('settings').objectStore('settings').get('kiosk_counts');
          req.onsuccess = () => { open.result.close(); resolve(req.result); };
        };
      });
      return rows?.value?.[day] === 1;
    }, today);
    const after = await everythingStored(page);
    const withoutCounts = (all) => ({ ...all, 'indexedDB linkwheel/settings': JSON.parse(all['indexedDB linkwheel/settings']).filter((r) => r.id !== 'kiosk_counts') });
    assert.deepEqual(withoutCounts(after), withoutCounts(before), 'only the counts record changed');
    assert.deepEqual(await counts(page), { [today]: 1 }, 'only a number for the day');
    const found = await traces(page, [MATTERS, STEP]);
    assert.ok(found.includes(`"${MATTERS}" in page text`), 'the check finds words where they are');
    assert.ok(found.includes(`"${STEP}" in DOM`));
    assert.deepEqual(found.filter((t) => !/ in (page text|DOM|form fields)$/.test(t)), [], 'not stored, not in the URL');
  });

  await step('printed: the plan on paper, then the print dialog closing ends the check-in', async () => {
    await tap(page, 'Print my plan'); // Headless Chromium has no print dialog; page.pdf() prints, as the dialog would.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-kiosk-pdf-'));
    try {
      const file = path.join(dir, 'check-in.pdf');
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: file, format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
      const text = pdfText(file);
      assert.ok(text.includes(STEP), `the first step is printed:\n${text}`);
      assert.ok(text.includes(MATTERS), 'what matters is printed');
      assert.ok(text.includes(`Made on ${longDate(today)}`));
      for (const v of Object.values(ACTIVITY)) assert.ok(text.includes(v), `the activity's ${v} is printed`);
      for (const word of ['Print my plan', 'Finish', 'Staff', '(sample)', 'Are you still there']) assert.ok(!text.includes(word), `no "${word}" on paper`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await welcome(page).waitFor();
    assert.deepEqual(await traces(page, [MATTERS, STEP]), [], 'after printing, nothing of the visitor is left');
    assert.equal(await page.getByText(ACTIVITY.name).count(), 0, 'nor what they were shown');
  });

  const MATTERS2 = 'Feeling less lonely since the move';
  const STEP2 = 'Say hello to the neighbour at number 4';
  await step('another check-in, finished with Finish: nothing of it is left, not even one step back in history', async () => {
    await checkIn(page, { scores: { Feelings: 2 }, matters: MATTERS2, choose: ['People around you'], steps: { 'People around you': STEP2 } });
    await page.getByText(`First step: ${STEP2}`).first().waitFor();
    await tap(page, 'Finish');
    await welcome(page).waitFor();
    assert.deepEqual(await traces(page, [MATTERS2, STEP2, MATTERS, STEP]), []);
    assert.equal(await page.evaluate(() => history.length), historyBefore, 'no history entries were added');
    assert.match(page.url(), /#\/kiosk$/, 'the address never changed');
    await page.goBack();
    await welcome(page).waitFor();
    assert.deepEqual(await traces(page, [MATTERS2, STEP2, MATTERS, STEP]), [], 'the back button brings nothing back');
    await page.goForward();
    await welcome(page).waitFor();
    await tap(page, 'Start');
    await h1(page, 'Health').waitFor();
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'a fresh check-in starts empty');
    assert.deepEqual(await counts(page), { [today]: 2 });
  });

  await step('staff leave with the PIN, and Settings shows the day\'s count', async () => {
    await tap(page, 'Back');
    await welcome(page).waitFor();
    await tap(page, 'Staff: leave kiosk mode');
    await page.getByLabel('Kiosk PIN').fill(PIN);
    await tap(page, 'Leave kiosk mode');
    await h1(page, 'People').waitFor();
    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    const table = page.getByRole('table', { name: 'Check-ins completed in the last 14 days' });
    const rows = await tableRows(table);
    assert.deepEqual(rows[0], [longDate(today), '2'], 'today first');
    assert.ok(rows.slice(1).every(([, n]) => n === '0'));
    await page.getByText('2 in all. Only these numbers are kept: nothing anyone put in.').waitFor();
  });
  e2e.errors.assertNone('kiosk check-in');
});

test('after a few minutes without a touch: "Are you still there?", a touch or key carries on, and then the check-in is wiped', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await page.clock.install();
  await startKiosk();
  const WORDS = 'My cat Mr Whiskers is poorly';
  await answerAreas(page, { Health: 6 });
  await page.getByLabel('In my own words').fill(WORDS);

  const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await page.clock.runFor(140_000);
  assert.equal(await dialog.count(), 0, 'not yet');
  await page.clock.runFor(12_000);
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /In (2\d|30) seconds, everything you have put in will be cleared\./);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'kiosk-still-here', 'focus goes into the dialog');
  await expectNoAxeViolations(page, 'kiosk idle dialog');
  assert.deepEqual(await smallTargets(page), []);
  await page.clock.runFor(5_000);
  assert.match(await dialog.textContent(), /In (1\d|2[0-5]) seconds/, 'it counts down');

  await tap(page, 'I am still here');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('In my own words').inputValue(), WORDS, 'carried on where they were');

  await page.clock.runFor(152_000);
  await dialog.waitFor();
  await page.keyboard.press('Shift');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('In my own words').inputValue(), WORDS, 'a key carries on too');

  await page.clock.runFor(181_000);
  await welcome(page).waitFor();
  assert.equal(await dialog.count(), 0);
  assert.deepEqual(await traces(page, [WORDS]), [], 'wiped');
  await tap(page, 'Start');
  await h1(page, 'Health').waitFor();
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'the score went too');
  assert.deepEqual(await counts(page), {}, 'an unfinished check-in is not counted');
  e2e.errors.assertNone('idle');
});

test('a reload in the middle of a check-in starts afresh at the welcome screen', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startKiosk();
  const WORDS = 'Worried about the rent going up again';
  await answerAreas(page, { Health: 2, Money: 1 });
  await page.getByLabel('In my own words').fill(WORDS);
  await page.reload();
  await welcome(page).waitFor();
  assert.deepEqual(await traces(page, [WORDS]), []);
  await answerAreas(page);
  assert.equal(await page.getByLabel('In my own words').inputValue(), '', 'the words went');
  for (let i = 0; i < AREAS.length; i++) await tap(page, 'Back');
  await h1(page, 'Health').waitFor();
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'so did the scores');
  await tap(page, 'Back');
  await welcome(page).waitFor();
  assert.deepEqual(await counts(page), {});
  e2e.errors.assertNone('reload');
});

test('leaving kiosk mode needs the PIN: a wrong one is refused with a wait before the next try', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { page } = e2e;
  await startKiosk();
  await tap(page, 'Staff: leave kiosk mode');
  await h1(page, 'Leave kiosk mode').waitFor();
  await expectNoAxeViolations(page, 'kiosk PIN prompt');
  assert.deepEqual(await smallTargets(page), []);
  await tap(page, 'Back');
  await welcome(page).waitFor();

  await tap(page, 'Staff: leave kiosk mode');
  const pin = page.getByLabel('Kiosk PIN');
  await tap(page, 'Leave kiosk mode');
  await page.getByText('Type the PIN first.').waitFor();
  await pin.fill('1357');
  await tap(page, 'Leave kiosk mode');
  await page.getByText('That PIN is not right. You can try again in 1 second.').waitFor();
  assert.equal(await pin.inputValue(), '', 'the wrong PIN is cleared');
  assert.equal(await mainNav(page).count(), 0, 'still in kiosk mode');
  const k = await kioskRecord(page);
  assert.equal(k.enabled, true);
  assert.equal(k.failed_tries, 1, 'the wrong try is kept, so a reload does not skip the wait');
  await expectNoAxeViolations(page, 'kiosk PIN prompt, wrong PIN');
  await page.getByText('You can try again now.').waitFor();

  await pin.fill('2467');
  await tap(page, 'Leave kiosk mode');
  await page.getByText('That PIN is not right. You can try again in 2 seconds.').waitFor();
  await pin.fill(PIN);
  await tap(page, 'Leave kiosk mode'); // waits until the button is on again
  await h1(page, 'People').waitFor();
  await mainNav(page).waitFor();
  const off = await kioskRecord(page);
  assert.equal(off.enabled, false);
  assert.equal(off.pin_hash, '', 'the PIN hash goes with kiosk mode');
  assert.equal(off.failed_tries, 0);
  await page.reload();
  await h1(page, 'People').waitFor();
  await page.goto(e2e.urlFor('#/kiosk'));
  await h1(page, 'Kiosk mode is off').waitFor();
  await expectNoAxeViolations(page, 'kiosk mode is off');
  e2e.errors.assertNone('leaving kiosk mode');
});

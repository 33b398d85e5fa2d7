// The benchmark's seeder and a big caseload, as a quick functional check
// (timings are only in `make bench`): the seeder build (target/bench-seed/,
// `make bench-seed`) writes 2,000 people through the app's storage layer on
// the same origin as dist/, and the caseload counts them, finds one by name
// and reaches the last one by scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, watchNetwork, collectErrors } from './harness.mjs';
import { re } from './journey.mjs';
import { startBenchServer } from '../bench/server.mjs';

const N = 2000;

let server = null;
let browser = null;

before(async () => {
  server = await startBenchServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

test('the bench seeder writes 2,000 people that the caseload counts, searches and scrolls to the end of', { timeout: 180_000 }, async () => {
  const context = await browser.newContext();
  context.setDefaultTimeout(20_000);
  const network = await watchNetwork(context);
  const errors = collectErrors(context);
  try {
    const page = await context.newPage();

    await page.goto(server.seed, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.wasmBindings?.seed === 'function');
    const counts = await page.evaluate((n) => window.wasmBindings.seed(n), N);
    assert.deepEqual(
      { people: counts.people, assessments: counts.assessments, plans: counts.plans, contacts: counts.contacts },
      { people: N, assessments: 3 * N, plans: N, contacts: 5 * N },
    );
    assert.ok(counts.transactions >= 1 && counts.transactions <= N / 100, `thousands of puts per transaction, not one per record (${counts.transactions} transactions)`);
    const stored = await page.evaluate(async () => {
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open('linkwheel');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const count = (name) =>
        new Promise((ok, fail) => {
          const q = db.transaction(name, 'readonly').objectStore(name).count();
          q.onsuccess = () => ok(q.result);
          q.onerror = () => fail(q.error);
        });
      const out = { version: db.version, people: await count('people'), assessments: await count('assessments'), plans: await count('plans'), contacts: await count('contacts') };
      db.close();
      return out;
    });
    assert.deepEqual(stored, { version: 3, people: N, assessments: 3 * N, plans: N, contacts: 5 * N }, 'the app’s database, at the current schema version');
    const someone = await page.evaluate(() => window.wasmBindings.sample(1234));
    const last = await page.evaluate((n) => window.wasmBindings.sample(n - 1), N);
    assert.match(someone.name, /^Person 01234 [A-Z][a-z]+$/);

    // The app, on the same origin: the same database.
    await page.goto(`${server.app}#/`, { waitUntil: 'load' });
    const count = page.locator('[role=status]').filter({ hasText: /on this device|shown|No one matches/ });
    await count.filter({ hasText: /on this device/ }).waitFor();
    assert.match(await count.textContent(), /^2,?000 people on this device$/);
    const list = page.getByRole('list', { name: 'People' });
    const rows = list.getByRole('link');
    assert.match(await rows.first().textContent(), /^Person 00000 /, 'sorted by name: person 0 first');

    // Search for one person's whole name: exactly them.
    const search = page.getByLabel('Search people');
    await search.fill(someone.name);
    await count.filter({ hasText: /shown|No one matches/ }).waitFor();
    assert.match(await count.textContent(), /^1 of 2,?000 shown$/);
    assert.equal(await rows.count(), 1, 'one row');
    assert.match(await rows.first().textContent(), new RegExp(`^${re(someone.name)}`));
    await search.fill('');
    await count.filter({ hasText: /on this device/ }).waitFor();

    // Only the rows on screen are drawn, but the list says how long it is,
    // and the keyboard walks on through it: Tab 60 times from the first
    // person reaches the 61st, and Shift+Tab comes back.
    const drawn = await rows.count();
    assert.ok(drawn < 100, `only the rows on screen are drawn (${drawn})`);
    assert.equal(await list.getByRole('listitem').first().getAttribute('aria-setsize'), String(N));
    await rows.first().focus();
    const focusedPosition = () => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'));
    // At about the speed a held-down key repeats (30 a second).
    const press = async (key) => {
      await page.keyboard.press(key);
      await page.waitForTimeout(30);
    };
    for (let i = 0; i < 60; i++) await press('Tab');
    assert.equal(await focusedPosition(), '61');
    for (let i = 0; i < 20; i++) await press('Shift+Tab');
    assert.equal(await focusedPosition(), '41');
    await page.evaluate(() => window.scrollTo(0, 0));

    // Scroll to the bottom: the last person in name order is there (the list
    // may draw only the rows on screen, so wait for it to catch up).
    const lastRow = rows.filter({ hasText: new RegExp(`^${re(last.name)}`) });
    const deadline = Date.now() + 15_000;
    for (;;) {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      if ((await lastRow.count()) === 1 && (await lastRow.isVisible())) break;
      if (Date.now() > deadline) assert.fail(`after scrolling to the bottom, ${last.name} is not shown (last row: ${await rows.last().textContent()})`);
      await page.waitForTimeout(250);
    }
    assert.match(await rows.last().textContent(), new RegExp(`^${re(last.name)}`), 'the last row is the last person by name');
    await lastRow.click();
    await page.getByRole('heading', { level: 1, name: last.name }).waitFor();

    errors.assertNone('bench seeder and caseload');
    network.assertLocalOnly('bench seeder and caseload');
  } finally {
    await context.close();
  }
});

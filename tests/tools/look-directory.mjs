// Loads the sample directory and a person with a plan, attaches a service to
// a goal, and screenshots the directory pages and the plan into /tmp/look
// (and prints the plan to /tmp/look/plan-services.pdf). For looking, not a test.
import { serveDir, launchBrowser } from '../e2e/harness.mjs';
const server = await serveDir({});
const browser = await launchBrowser();
const widths = (process.env.WIDTHS || '1280').split(',').map(Number);
const page = await browser.newPage({ viewport: { width: widths[0], height: 900 } });
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(server.url);
await page.getByRole('heading', { name: 'People' }).waitFor();
await page.evaluate(async () => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('linkwheel'); r.onsuccess = () => res(r.result); r.onerror = rej; });
  const tx = db.transaction(['people', 'assessments', 'plans'], 'readwrite');
  tx.objectStore('people').put({ id: 'p1', preferred_name: 'Sam', full_name: 'Samira Okafor', created_at: 1, updated_at: 1 });
  tx.objectStore('assessments').put({ id: 'a1', person_id: 'p1', template_id: 'holistic-12', template_version: 1, date: '2026-11-01', completed: true, current_step: 0, created_at: 1, updated_at: 1,
    answers: [{ area_id: 'friends-social', score: 3, concerns: [], own_concerns: [], what_matters: '', wants_support: true }, { area_id: 'money-benefits', score: 2, concerns: [], own_concerns: [], what_matters: '', wants_support: true }], priorities: ['friends-social'] });
  tx.objectStore('plans').put({ id: 'plan1', person_id: 'p1', assessment_id: 'a1', what_matters: 'Feeling part of something again', review_date: '2026-12-20', created_at: 30, updated_at: 30,
    goals: [{ id: 'g1', area_id: 'friends-social', text: 'Meet new people', first_step: 'Try one group', who_can_help: '', target_date: '2026-12-01', term: 'short', status: 'in_progress', reviews: [] }] });
  await new Promise((res) => { tx.oncomplete = res; });
});
await page.goto(server.url + '#/directory');
await page.getByRole('button', { name: 'Load the sample directory' }).click();
await page.getByText('The sample directory is loaded').waitFor();
await page.goto(server.url + '#/plans/plan1');
await page.getByRole('button', { name: 'Find a service for goal 1' }).click();
await page.getByRole('button', { name: /^Refer to Walking/ }).click();
await page.getByRole('heading', { name: 'Walking Football (sample)', level: 5 }).waitFor();
const shots = [['directory', '#/directory'], ['directory-files', '#/directory/files'], ['service-new', '#/directory/new'], ['plan-services', '#/plans/plan1']];
for (const w of widths) {
  await page.setViewportSize({ width: w, height: 900 });
  for (const [name, route] of shots) {
    await page.goto(server.url + route);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/look/${name}-${w}.png`, fullPage: true });
  }
}
await page.goto(server.url + '#/plans/plan1');
await page.getByRole('button', { name: 'Find a service for goal 1' }).click();
await page.getByLabel('Search the directory for goal 1').waitFor();
await page.screenshot({ path: `/tmp/look/plan-find.png`, fullPage: true });
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: '/tmp/look/plan-services.pdf', format: 'A4' });
await browser.close();
await server.close();

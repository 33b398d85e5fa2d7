// Seeds a person with two finished assessments, a plan and contacts, then
// screenshots the issue 3 pages into /tmp/look. For looking, not a test.
import { serveDir, launchBrowser } from '../e2e/harness.mjs';
const server = await serveDir({});
const browser = await launchBrowser();
const widths = (process.env.WIDTHS || '1280').split(',').map(Number);
const page = await browser.newPage({ viewport: { width: widths[0], height: 900 } });
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(server.url);
await page.getByRole('heading', { name: 'People' }).waitFor();
const AREAS = ['physical-health','mental-wellbeing','friends-social','family-relationships','money-benefits','home-housing','work-learning','getting-active','daily-living','hobbies-fun','faith-meaning','culture-identity'];
await page.evaluate(async (AREAS) => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('linkwheel'); r.onsuccess = () => res(r.result); r.onerror = rej; });
  const tx = db.transaction(['people', 'assessments', 'plans', 'contacts'], 'readwrite');
  const today = new Date().toISOString().slice(0, 10);
  const soon = new Date(Date.now() + 3 * 864e5).toISOString().slice(0, 10);
  tx.objectStore('people').put({ id: 'p1', preferred_name: 'Sam', full_name: 'Samira Okafor', referral_source: 'GP', referral_date: '2026-08-01', referral_reason: 'Lonely since moving', consent_given: true, consent_date: '2026-08-03', risk_flag: true, risk_note: 'Lives alone; has mentioned feeling hopeless. Check in each visit.', next_review: soon, last_assessed: '2026-11-01', created_at: 1, updated_at: 1 });
  tx.objectStore('people').put({ id: 'p2', preferred_name: 'Bo', next_review: '2026-10-01', created_at: 1, updated_at: 1 });
  tx.objectStore('people').put({ id: 'p3', preferred_name: 'Cat', closed: { outcome: 'goals_met', date: '2026-10-10', note: '' }, created_at: 1, updated_at: 1 });
  const a = (id, date, scores, ons4, ucla3, created) => ({ id, person_id: 'p1', template_id: 'holistic-12', template_version: 1, date, completed: true, current_step: 0, created_at: created, updated_at: created,
    answers: AREAS.map((area_id, i) => ({ area_id, score: scores[i], concerns: [], own_concerns: [], what_matters: '', wants_support: i === 2 })), priorities: ['friends-social'], ons4, ucla3 });
  tx.objectStore('assessments').put(a('a1', '2026-08-05', [4, 3, 2, 6, 3, 5, 4, 2, 7, 3, 5, 6], [4, 5, 3, 8], [3, 3, 2], 10));
  tx.objectStore('assessments').put(a('a2', '2026-09-20', [5, 4, 4, 6, 4, null, 4, 3, 7, 5, 5, 6], [5, 5, 5, 6], [2, 3, 2], 20));
  tx.objectStore('assessments').put(a('a3', '2026-11-01', [6, 5, 6, 5, 6, 6, 5, 5, 7, 6, 6, 7], [6, 6, 6, 4], [2, 2, 1], 30));
  tx.objectStore('plans').put({ id: 'plan1', person_id: 'p1', assessment_id: 'a3', what_matters: 'Feeling part of something again', review_date: soon, created_at: 30, updated_at: 30,
    goals: [{ id: 'g1', area_id: 'friends-social', text: 'Join the walking group', first_step: 'Call Maria on Monday', who_can_help: 'Maria at the centre', target_date: '2026-12-01', term: 'short', status: 'in_progress', reviews: [{ date: '2026-10-01', status: 'in_progress', note: 'Went twice, enjoyed it.' }] }] });
  tx.objectStore('contacts').put({ id: 'c1', person_id: 'p1', date: '2026-08-05', kind: 'face_to_face', note: 'First meeting at the surgery.', created_at: 1 });
  tx.objectStore('contacts').put({ id: 'c2', person_id: 'p1', date: '2026-09-01', kind: 'phone', note: 'Checked in about the walking group.', created_at: 2 });
  await new Promise((res) => { tx.oncomplete = res; });
}, AREAS);
const shots = [
  ['caseload', '#/'], ['person', '#/people/p1'], ['progress', '#/people/p1/progress'], ['plan', '#/plans/plan1'],
  ['templates', '#/templates'], ['edit', '#/people/p1/edit'], ['about', '#/about'],
];
for (const w of widths) {
  await page.setViewportSize({ width: w, height: 900 });
  for (const [name, route] of shots) {
    await page.goto(server.url + route);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/look/${name}-${w}.png`, fullPage: true });
  }
}
// A review in progress: start one from the person page, look at step 1 and the ONS4 step.
await page.setViewportSize({ width: widths[0], height: 900 });
await page.goto(server.url + '#/people/p1');
await page.getByRole('button', { name: 'Start a review' }).click();
await page.getByText('Step 1 of 14').waitFor();
await page.screenshot({ path: `/tmp/look/review-step1.png`, fullPage: true });
await page.getByRole('navigation', { name: 'All steps' }).getByRole('button', { name: /Step 13/ }).click();
await page.getByText('Step 13 of 14').waitFor();
await page.screenshot({ path: `/tmp/look/review-ons4.png`, fullPage: true });
await page.getByRole('button', { name: 'Next', exact: true }).click();
await page.getByText('Step 14 of 14').waitFor();
await page.screenshot({ path: `/tmp/look/review-ucla.png`, fullPage: true });
await page.goto(server.url + '#/plans/plan1');
await page.getByRole('heading', { level: 1 }).first().waitFor();
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: '/tmp/look/plan.pdf', format: 'A4' });
await browser.close();
await server.close();
console.log('ok');

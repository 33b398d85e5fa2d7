// Takes the README's screenshot (docs/screenshot.png) from the built dist/:
// a made-up person's wheel of life at desktop width.
//   make build && node tests/tools/readme-screenshot.mjs
import path from 'node:path';
import { serveDir, launchBrowser, REPO_ROOT } from '../e2e/harness.mjs';
import { openApp, quickPlan } from '../e2e/journey.mjs';

const server = await serveDir({});
const browser = await launchBrowser({});
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 820 } });
  const e2e = { page, urlFor: (rel = '') => new URL(rel, server.url).href };
  await openApp(e2e);
  const { assessmentId } = await quickPlan(page, 'Sam');
  await page.goto(e2e.urlFor(`#/assessments/${assessmentId}/summary`));
  await page.getByRole('img', { name: 'Wheel of life' }).waitFor();
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const out = path.join(REPO_ROOT, 'docs', 'screenshot.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}

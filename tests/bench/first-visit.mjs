// A first visit over a slow connection, in the browser's own throttling
// (not Lighthouse's simulation): 1.6 Mbit/s down, 750 kbit/s up, 150 ms
// round trips, no cache, no service worker; the build served with gzip.
// Two starts of the same dist/, 5 runs each, medians:
//   - a new device: index.html's copy of the empty caseload is painted, and
//     the app's .wasm is asked for after that paint (static/boot.js);
//   - a device that has used Linkwheel (no service worker, as on a plain-http
//     pilot server): "Loading Linkwheel…", with the .wasm preloaded at once.
// Prints, for each, the first paint and when the app's own page is drawn.
// For looking, not judging (`make bench` judges).
//   node tests/bench/first-visit.mjs      (after `make build`)
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../e2e/harness.mjs';
import { startBenchServer } from './server.mjs';

const { chromium } = await import('playwright-core');
const RUNS = Number(process.env.RUNS || 5);
const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });

async function start(used) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (used) {
    await page.goto(server.app);
    await page.waitForFunction(() => localStorage.getItem('linkwheel-used') === '1');
    await page.goto('about:blank');
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await page.goto(`${server.app}#/`, { waitUntil: 'commit' });
  await page.locator('main#main h1').waitFor({ timeout: 60_000 });
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    drawn: performance.now(),
  }));
  await context.close();
  return t;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const used of [false, true]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await start(used));
    const label = used ? 'used before, no service worker' : 'new device (first-run copy)';
    console.log(`${label}: first paint ${Math.round(median(runs.map((r) => r.fcp)))} ms, app's page drawn ${Math.round(median(runs.map((r) => r.drawn)))} ms (medians of ${RUNS})`);
  }
} finally {
  await browser.close();
  await server.close();
}

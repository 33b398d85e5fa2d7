// Lighthouse once, mobile defaults, and what makes up its LCP: the element,
// the phases, and the requests on the critical path. For looking, not judging
// (make bench judges).   node tests/bench/lcp.mjs [out.json]
import fs from 'node:fs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../e2e/harness.mjs';
import { startBenchServer } from './server.mjs';

const lighthouse = (await import('lighthouse')).default;
const chromeLauncher = await import('chrome-launcher');
const server = await startBenchServer(process.env.LH_DIST ? { dist: process.env.LH_DIST } : {});
const NO_NETWORK = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS, NO_NETWORK], logLevel: 'silent' });
const RUNS = Number(process.env.LH_RUNS || 1);
if (RUNS > 1) {
  const lcps = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const { lhr } = await lighthouse(server.app, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      lcps.push(Math.round(lhr.audits['largest-contentful-paint'].numericValue));
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  lcps.sort((a, b) => a - b);
  console.log(`LCP median ${lcps[Math.floor(lcps.length / 2)]} ms of ${lcps.join(', ')}`);
  process.exit(0);
}
try {
  const { lhr, artifacts } = await lighthouse(server.app, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (process.argv[2]) fs.writeFileSync(process.argv[2], JSON.stringify(lhr));
  if (process.argv[3]) fs.writeFileSync(process.argv[3], JSON.stringify(artifacts.Trace ?? artifacts.traces?.defaultPass ?? null));
  const a = lhr.audits;
  const ms = (id) => Math.round(a[id]?.numericValue ?? NaN);
  console.log(`Performance ${Math.round(lhr.categories.performance.score * 100)}; FCP ${ms('first-contentful-paint')} ms, LCP ${ms('largest-contentful-paint')} ms, TBT ${ms('total-blocking-time')} ms, SI ${ms('speed-index')} ms, TTI ${ms('interactive')} ms`);
  for (const id of ['largest-contentful-paint-element', 'lcp-breakdown-insight', 'lcp-discovery-insight']) {
    const d = a[id]?.details;
    if (d) console.log(id, JSON.stringify(d, null, 1).slice(0, 2500));
  }
  for (const it of a['network-requests']?.details?.items ?? []) {
    console.log(`${Math.round(it.networkRequestTime)}–${Math.round(it.networkEndTime)} ms ${it.transferSize} B ${it.url.replace(server.app, '/')}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}

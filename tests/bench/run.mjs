#!/usr/bin/env node
// `make bench`: Linkwheel's release build (dist/) against a plain-JavaScript
// floor (tests/bench/floor.html) in headless Debian Chromium, with N people
// seeded through the app's own storage layer (the `bench-seed` build), plus
// Lighthouse (mobile defaults, median of 3) and the first-load size. Writes
// BENCHMARKS.md and tests/bench/results.json, prints a table and exits 1 if
// any target fails (2 if the harness itself broke).
//
// Environment:
//   BENCH_RUNS=5              runs per figure (each run is a fresh browser)
//   BENCH_N=1000,10000        caseload sizes; targets are judged at 10000
//   BENCH_LIGHTHOUSE_RUNS=3   Lighthouse runs (median)
//   BENCH_QUICK=1             N=1000, 2 runs, 1 Lighthouse run, targets judged
//                             at the largest N, and results go to
//                             target/bench-quick/ (BENCHMARKS.md untouched)
//   BENCH_OUT=DIR             write BENCHMARKS.md and results.json to DIR
//   BENCH_PARTS=main,backup,lighthouse
//                             which parts to run (all by default): main is
//                             cold start, search, open, save and memory;
//                             backup is backup and restore. With only some,
//                             results go to target/bench-partial/ unless
//                             BENCH_OUT says otherwise (BENCHMARKS.md
//                             untouched), and targets not measured fail.
//
// `node tests/bench/run.mjs --report` measures nothing: it writes
// BENCHMARKS.md again from results.json and tests/bench/CHANGES.md (after a
// change to CHANGES.md, say).
//
// Needs: `make build` (dist/), `make bench-seed` (target/bench-seed/),
// tests/node_modules (playwright-core) and tests/bench/node_modules
// (lighthouse). `make bench` does all of that first.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../e2e/harness.mjs';
import { startBenchServer, DIST_DIR } from './server.mjs';
import { probe } from './probe.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');

// ------------------------------------------------------------------ settings

const QUICK = ['1', 'true', 'yes'].includes(String(process.env.BENCH_QUICK ?? '').toLowerCase());
const RUNS = Number(process.env.BENCH_RUNS || (QUICK ? 2 : 5));
const SIZES = String(process.env.BENCH_N || (QUICK ? '1000' : '1000,10000'))
  .split(',')
  .map((s) => Number(s.trim().replace(/[_,]/g, '')))
  .filter((n) => n > 0);
const LH_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || (QUICK ? 1 : 3));
const ALL_PARTS = ['main', 'backup', 'lighthouse'];
const PARTS = String(process.env.BENCH_PARTS || ALL_PARTS.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const PARTIAL = ALL_PARTS.some((p) => !PARTS.includes(p));
const OUT_DIR = process.env.BENCH_OUT
  ? path.resolve(process.env.BENCH_OUT)
  : QUICK
    ? path.join(REPO_ROOT, 'target', 'bench-quick')
    : PARTIAL
      ? path.join(REPO_ROOT, 'target', 'bench-partial')
      : null;
const REPORT_FILE = OUT_DIR ? path.join(OUT_DIR, 'BENCHMARKS.md') : path.join(REPO_ROOT, 'BENCHMARKS.md');
const RESULTS_FILE = OUT_DIR ? path.join(OUT_DIR, 'results.json') : path.join(HERE, 'results.json');
const CHANGES_FILE = path.join(HERE, 'CHANGES.md');

/** The caseload size the targets are about. */
const TARGET_N = 10000;
const JUDGED_N = SIZES.includes(TARGET_N) ? TARGET_N : QUICK ? Math.max(...SIZES) : TARGET_N;

const KIB = 1024;
const MIB = 1024 * 1024;

// No request may leave 127.0.0.1: every other host name fails to resolve.
const NO_NETWORK = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
const BROWSER_ARGS = [...CHROMIUM_ARGS, NO_NETWORK];
const VIEWPORT = { width: 1280, height: 800 };

// Search: the digits of one person's number typed one key at a time, then
// deleted one at a time back to the whole list. Every key changes the result
// (10,000 people: all, about 3,400, 300, 20, 1 and back).
const searchKeys = (n) => [...String(Math.floor(n * 0.7351))];
// People opened (3 per run) and whose newest assessment gets an answer.
const OPENS_PER_RUN = 3;
const SAVES_PER_RUN = 3;
const personIndex = (n, run, j) => (run * 7919 + j * 104729 + 1234) % n;
// Backup and restore: the passphrase typed, and what the app says at the end.
const PASSPHRASE = 'blue kettle on the shelf';
const REPLACED = 'Everything on this device has been replaced by the backup.';
const BACKUP_TIMEOUT_MS = 600_000;

// ------------------------------------------------------------------ helpers

const log = (...args) => console.log(...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted, q) {
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median, min, max, quartiles of a list of numbers. */
function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return { n: v.length, median: quantile(v, 0.5), min: v[0], max: v[v.length - 1], q1: quantile(v, 0.25), q3: quantile(v, 0.75) };
}

const fmtMs = (x) => (x === null || x === undefined ? '–' : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
const fmtMiB = (x) => (x === null || x === undefined ? '–' : `${(x / MIB).toFixed(1)} MiB`);
const fmtKiB = (x) => (x === null || x === undefined ? '–' : `${(x / KIB).toFixed(1)} KiB`);
const fmtRatio = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);
const fmtN = (n) => n.toLocaleString('en-GB');

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function machine() {
  const cpus = os.cpus();
  let model = cpus[0]?.model?.trim() || 'unknown';
  // Some virtual machines name only the family; lscpu may know more.
  const lscpu = sh('lscpu', []);
  const m = lscpu.match(/^Model name:\s*(.+)$/m);
  if (m && m[1].trim().length > model.length) model = m[1].trim();
  return {
    cpu: model,
    cores: cpus.length,
    ramBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  };
}

function git() {
  const commit = sh('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD']);
  // The benchmark's own outputs (and CHANGES.md) change nothing measured.
  const dirty = sh('git', ['-C', REPO_ROOT, 'status', '--porcelain', '--untracked-files=no', '--', '.', ':!BENCHMARKS.md', ':!tests/bench/results.json', ':!tests/bench/CHANGES.md']);
  return { commit: commit || 'unknown', uncommittedChanges: Boolean(dirty) };
}

function firstLoadSize(dir) {
  const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'tests', 'tools', 'size.mjs'), '--dir', dir, '--json'], { encoding: 'utf8' });
  const report = JSON.parse(out);
  return { gzip: report.firstLoad.gzip, raw: report.firstLoad.raw, files: report.firstLoad.files };
}

// ------------------------------------------------------------------ browser

async function launch(profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: BROWSER_ARGS,
    viewport: VIEWPORT,
    timeout: 60_000,
  });
  context.setDefaultTimeout(60_000);
  await context.addInitScript(probe);
  const requests = [];
  const errors = [];
  context.on('request', (req) => requests.push(req.url()));
  const watch = (page) => {
    page.on('pageerror', (e) => errors.push(String(e?.message || e)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, requests, errors };
}

function externalRequests(urls) {
  return urls.filter((u) => {
    try {
      const { protocol, hostname } = new URL(u);
      return !['data:', 'blob:', 'about:'].includes(protocol) && hostname !== '127.0.0.1';
    } catch {
      return true;
    }
  });
}

async function browserVersion() {
  const v = sh(CHROMIUM_PATH, ['--version']);
  if (v) return v;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: BROWSER_ARGS });
  const version = browser.version();
  await browser.close();
  return `Chromium ${version}`;
}

/** A fresh profile holding the `linkwheel` database with `n` people, written by the app's storage layer. */
async function seed(server, n) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `linkwheel-bench-${n}-`));
  const { context, page, errors } = await launch(profile);
  try {
    await page.goto(server.seed, { waitUntil: 'load' });
    await page.waitForFunction(() => window.wasmBindings && typeof window.wasmBindings.seed === 'function');
    const counts = await page.evaluate((count) => window.wasmBindings.seed(count), n);
    // As on any device with people on it, the app has noted that it has been
    // used here (static/boot.js), so no run starts on a new device's screen.
    await page.evaluate(() => localStorage.setItem('linkwheel-used', '1'));
    const wanted = [];
    for (let run = 0; run < RUNS; run++) {
      for (let j = 0; j < Math.max(OPENS_PER_RUN, 1); j++) wanted.push(personIndex(n, run, j));
    }
    const samples = await page.evaluate((list) => list.map((i) => window.wasmBindings.sample(i)), [...new Set(wanted)]);
    const stored = await page.evaluate(async () => {
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open('linkwheel');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const names = Array.from(db.objectStoreNames);
      const tx = db.transaction(names, 'readonly');
      const counts = {};
      await Promise.all(
        names.map(
          (name) =>
            new Promise((ok) => {
              const q = tx.objectStore(name).count();
              q.onsuccess = () => {
                counts[name] = q.result;
                ok();
              };
            }),
        ),
      );
      db.close();
      return counts;
    });
    if (errors.length) throw new Error(`seeding logged errors: ${errors.join(' | ')}`);
    return { profile, counts, stored, samples: Object.fromEntries(samples.map((s) => [s.index, s])) };
  } finally {
    await context.close();
  }
}

/** Deletes the database (indexedDB.deleteDatabase) and the profile. */
async function unseed(server, profile) {
  try {
    const { context, page } = await launch(profile);
    await page.goto(server.seed, { waitUntil: 'load' });
    await page.evaluate(
      () =>
        new Promise((ok, fail) => {
          const r = indexedDB.deleteDatabase('linkwheel');
          r.onsuccess = () => ok();
          r.onerror = () => fail(r.error);
          r.onblocked = () => fail(new Error('deleteDatabase blocked'));
        }),
    );
    await context.close();
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Runs `fn`, keeping either its value or why it failed. */
async function attempt(label, fn) {
  try {
    return { value: await fn() };
  } catch (err) {
    const why = String(err?.message || err).split('\n')[0];
    log(`    ${label}: not measured: ${why}`);
    return { error: why };
  }
}

/**
 * One run of every measurement on one page kind ('app' or 'floor'), in a
 * freshly started browser on the seeded profile.
 */
async function runOnce(server, kind, n, run, seeded) {
  const { context, page, requests, errors } = await launch(seeded.profile);
  const out = { kind, run };
  const url = kind === 'app' ? server.app : server.floor;
  const wheel = kind === 'app' ? 'svg.wheel' : '.wheel';
  try {
    // (1) Cold start: navigation to the listed caseload, painted, input free.
    const cold = await attempt('cold start', async () => {
      await page.goto(`${url}#/`, { waitUntil: 'commit' });
      const r = await page.waitForFunction(() => window.__bench && window.__bench.cold, null, { timeout: 60_000 }).then((h) => h.jsonValue());
      if (r.error) throw new Error(r.error);
      return r;
    });
    out.coldStart = cold.value ? cold.value.paintedAt : null;
    out.coldStartDom = cold.value ? cold.value.domAt : null;
    if (cold.error) out.coldStartError = cold.error;

    // (6) Memory once the caseload is shown: JS heap (after a full GC) + wasm memory.
    const mem = await attempt('memory', async () => {
      await sleep(300);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      await cdp.detach();
      const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
      const wasm = await page.evaluate(() => (window.__bench.wasmMemory ? window.__bench.wasmMemory.buffer.byteLength : 0));
      if (kind === 'app' && !wasm) throw new Error('the WebAssembly memory was not found (TrunkApplicationStarted detail.wasm.memory)');
      return { jsHeap, wasm, total: jsHeap + wasm };
    });
    Object.assign(out, mem.value ? { memory: mem.value.total, jsHeap: mem.value.jsHeap, wasmMemory: mem.value.wasm } : { memory: null, memoryError: mem.error });

    // (2) Search: each keystroke to the updated list, painted.
    const search = await attempt('search', async () => {
      await page.evaluate(() => window.__bench.loadNames());
      await page.focus('#search');
      await sleep(200);
      const digits = searchKeys(n);
      const steps = [...digits.map((_, i) => ({ key: digits[i], query: digits.slice(0, i + 1).join('') })), ...digits.map((_, i) => ({ key: 'Backspace', query: digits.slice(0, digits.length - 1 - i).join('') }))];
      const keys = [];
      for (const s of steps) {
        await page.evaluate((q) => window.__bench.armKey(q), s.query);
        await page.keyboard.press(s.key);
        const r = await page.evaluate(() => window.__bench.keyDone());
        keys.push({ key: s.key, query: s.query, ms: r.ms, domMs: r.domMs });
        await sleep(100);
      }
      return keys;
    });
    out.keys = search.value ?? null;
    if (search.error) out.searchError = search.error;

    // (3) Opening a person (hash navigation, as a link click does) to their page with the wheel.
    const opens = await attempt('open person', async () => {
      const list = [];
      for (let j = 0; j < OPENS_PER_RUN; j++) {
        const s = seeded.samples[personIndex(n, run, j)];
        const r = await page.evaluate(([h, sel, name]) => window.__bench.open(h, sel, name), [`#/people/${s.person_id}`, wheel, s.name]);
        list.push(r);
        await sleep(100);
        await page.evaluate(() => window.__bench.home());
        await sleep(100);
      }
      return list;
    });
    out.opens = opens.value ? opens.value.map((o) => o.ms) : null;
    out.opensDom = opens.value ? opens.value.map((o) => o.domMs) : null;
    if (opens.error) out.openError = opens.error;

    // (4) Saving one answer: click a score, until "Saved" (after the commit).
    const saves = await attempt('save answer', async () => {
      const s = seeded.samples[personIndex(n, run, 0)];
      await page.evaluate((h) => {
        location.hash = h;
      }, `#/assessments/${s.assessment_id}`);
      await page.locator('[data-testid=save-status]').first().waitFor();
      await page.getByRole('radio', { name: '0', exact: true }).first().waitFor();
      await sleep(200);
      const list = [];
      for (let j = 0; j < SAVES_PER_RUN; j++) {
        const current = await page.evaluate(() => {
          const first = document.querySelector('input[type=radio]');
          const checked = first && document.querySelector(`input[type=radio][name="${first.name}"]:checked`);
          return checked ? Number(checked.value) : -1;
        });
        const value = (current + 1 + j) % 11;
        await page.evaluate(() => window.__bench.armSave());
        await page.getByRole('radio', { name: String(value), exact: true }).first().click();
        const r = await page.evaluate(() => window.__bench.saveDone());
        list.push(r.ms);
        await sleep(200);
      }
      return list;
    });
    out.saves = saves.value ?? null;
    if (saves.error) out.saveError = saves.error;
  } finally {
    out.errors = errors.slice(0, 10);
    out.externalRequests = externalRequests(requests);
    await context.close();
  }
  return out;
}

/**
 * (7) One backup and one restore (replacing everything with that backup) in
 * a freshly started browser on the seeded profile, after the other runs (a
 * restore rewrites every record, so it must not come before them). The
 * database holds the same records afterwards.
 */
async function backupOnce(server, kind, n, run, seeded) {
  const { context, page, requests, errors } = await launch(seeded.profile);
  const out = { kind, run, pass: 'backup' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-bench-backup-'));
  try {
    if (kind === 'app') {
      await page.goto(`${server.app}#/settings`, { waitUntil: 'commit' });
      const backupRegion = page.getByRole('region', { name: 'Back up everything' });
      // The line about the last backup is there once the database is open.
      await backupRegion.getByText(/^(No backup has been made on this device yet\.|Last backup on this device: )/).waitFor({ timeout: 60_000 });
      let file = null;
      const backup = await attempt('backup', async () => {
        await backupRegion.getByLabel('Passphrase for the backup').fill(PASSPHRASE);
        await backupRegion.getByLabel('Type the passphrase again').fill(PASSPHRASE);
        await sleep(300);
        await page.evaluate(() => window.__bench.armClick());
        const downloading = page.waitForEvent('download', { timeout: BACKUP_TIMEOUT_MS });
        await backupRegion.getByRole('button', { name: 'Back up everything' }).click();
        const download = await downloading;
        // Resolves once the browser has written the whole file.
        const written = await download.path();
        const endEpoch = performance.timeOrigin + performance.now();
        const r = await page.evaluate(() => window.__bench.clickDone());
        const ms = endEpoch - r.startEpoch;
        if (!(ms > 0) || (r.downloadMs !== null && ms < r.downloadMs)) throw new Error(`the clocks disagree (${ms} ms to the written file, ${r.downloadMs} ms to the download)`);
        const bytes = fs.statSync(written).size;
        await backupRegion.getByRole('status').filter({ hasText: /^Backup made on / }).waitFor({ timeout: BACKUP_TIMEOUT_MS });
        file = path.join(dir, download.suggestedFilename());
        await download.saveAs(file);
        await download.delete();
        return { ms, handoffMs: r.downloadMs, bytes, name: download.suggestedFilename() };
      });
      Object.assign(out, backup.value ? { backup: backup.value.ms, backupHandoff: backup.value.handoffMs, backupBytes: backup.value.bytes, backupName: backup.value.name } : { backup: null, backupError: backup.error });

      const restore = await attempt('restore', async () => {
        if (!file) throw new Error('no backup file to restore');
        const region = page.getByRole('region', { name: 'Restore from a backup' });
        await region.getByLabel('Backup file').setInputFiles(file);
        await region.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
        await sleep(300);
        await page.evaluate(() => window.__bench.armClick('[role=region][aria-label="What the backup holds"]'));
        await region.getByRole('button', { name: 'Open the backup' }).click();
        const opened = await page.evaluate(() => window.__bench.clickDone());
        const held = page.getByRole('region', { name: 'What the backup holds' });
        await held.getByText(`${n} people`, { exact: true }).waitFor();
        await sleep(300);
        await held.getByRole('button', { name: 'Replace everything' }).click();
        const yes = page.getByRole('alertdialog', { name: 'Replace everything on this device?' }).getByRole('button', { name: 'Yes, replace everything' });
        await yes.waitFor();
        await sleep(300);
        await page.evaluate((text) => window.__bench.armClick('#restore-result', text), REPLACED);
        await yes.click();
        const replaced = await page.evaluate(() => window.__bench.clickDone());
        return { open: opened.ms, openDom: opened.domMs, replace: replaced.ms, replaceDom: replaced.domMs };
      });
      Object.assign(out, restore.value ? { restoreOpen: restore.value.open, restoreReplace: restore.value.replace, restore: restore.value.open + restore.value.replace } : { restore: null, restoreError: restore.error });
    } else {
      await page.goto(`${server.floor}#/settings`, { waitUntil: 'load' });
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      await sleep(300);
      const backup = await attempt('backup', () => page.evaluate((p) => window.floorBackup(p), PASSPHRASE));
      Object.assign(out, backup.value ? { backup: backup.value.ms, backupBytes: backup.value.encryptedBytes, backupJsonBytes: backup.value.bytes, backupRead: backup.value.readMs, backupKdf: backup.value.kdfMs } : { backup: null, backupError: backup.error });
      const restore = await attempt('restore', async () => {
        await sleep(300);
        const opened = await page.evaluate((p) => window.floorOpen(p), PASSPHRASE);
        await sleep(300);
        const replaced = await page.evaluate(() => window.floorReplace());
        return { open: opened.ms, replace: replaced.ms, records: replaced.records };
      });
      Object.assign(out, restore.value ? { restoreOpen: restore.value.open, restoreReplace: restore.value.replace, restore: restore.value.open + restore.value.replace, restoredRecords: restore.value.records } : { restore: null, restoreError: restore.error });
    }
  } finally {
    out.errors = errors.slice(0, 10);
    out.externalRequests = externalRequests(requests);
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

// ------------------------------------------------------------------ Lighthouse

async function lighthouseRuns(server) {
  let lighthouse;
  let chromeLauncher;
  try {
    lighthouse = (await import('lighthouse')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch (err) {
    return { error: `lighthouse is not installed in tests/bench/node_modules (${String(err.message).split('\n')[0]})`, runs: [] };
  }
  const version = JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
  const runs = [];
  for (let i = 0; i < LH_RUNS; i++) {
    log(`  Lighthouse run ${i + 1} of ${LH_RUNS}`);
    let chrome = null;
    try {
      chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM_PATH,
        chromeFlags: ['--headless=new', ...BROWSER_ARGS],
        logLevel: 'silent',
      });
      // Default settings: mobile form factor and screen, simulated throttling.
      const result = await lighthouse(server.app, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      const lhr = result.lhr;
      const score = (id) => (lhr.categories[id]?.score === null || lhr.categories[id]?.score === undefined ? null : Math.round(lhr.categories[id].score * 100));
      const metric = (id) => lhr.audits[id]?.numericValue ?? null;
      const urls = (lhr.audits['network-requests']?.details?.items ?? []).map((it) => it.url);
      const failedAudits = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode))
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      runs.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        runtimeError: lhr.runtimeError?.message ?? null,
        warnings: lhr.runWarnings ?? [],
        requests: urls.length,
        externalRequests: externalRequests(urls),
        notPassing: failedAudits,
        userAgent: lhr.environment?.hostUserAgent ?? null,
      });
    } catch (err) {
      runs.push({ error: String(err?.message || err).split('\n')[0] });
      log(`    failed: ${runs.at(-1).error}`);
    } finally {
      await chrome?.kill();
    }
  }
  const ok = runs.filter((r) => !r.error && !r.runtimeError);
  const med = (key) => stats(ok.map((r) => r[key]).filter((x) => x !== null))?.median ?? null;
  return {
    version,
    settings: 'Lighthouse defaults: mobile form factor and screen, simulated throttling (Slow 4G, 4× CPU slowdown); empty database',
    runs,
    median: ok.length
      ? { performance: med('performance'), accessibility: med('accessibility'), bestPractices: med('bestPractices'), fcp: med('fcp'), lcp: med('lcp'), tbt: med('tbt'), cls: med('cls') }
      : null,
    error: ok.length ? null : runs.map((r) => r.error || r.runtimeError).filter(Boolean).join('; ') || 'no run finished',
  };
}

// ------------------------------------------------------------------ figures

/** Per-size summary: Linkwheel and floor statistics for each figure, and ratios. */
function summarise(runs) {
  const pick = (kind, fn) => runs.filter((r) => r.kind === kind).flatMap(fn);
  const figure = (fn) => {
    const app = stats(pick('app', fn));
    const floor = stats(pick('floor', fn));
    return { app, floor, ratio: app && floor && floor.median > 0 ? app.median / floor.median : null };
  };
  const firstError = (kind, key) => runs.find((r) => r.kind === kind && r[key])?.[key] ?? null;
  return {
    coldStart: { ...figure((r) => [r.coldStart]), error: firstError('app', 'coldStartError'), floorError: firstError('floor', 'coldStartError') },
    coldStartDom: figure((r) => [r.coldStartDom]),
    // "Each keystroke": per run, the slowest keystroke; then across runs.
    searchSlowest: { ...figure((r) => (r.keys ? [Math.max(...r.keys.map((k) => k.ms))] : [])), error: firstError('app', 'searchError'), floorError: firstError('floor', 'searchError') },
    searchAll: figure((r) => (r.keys ? r.keys.map((k) => k.ms) : [])),
    searchAllDom: figure((r) => (r.keys ? r.keys.map((k) => k.domMs) : [])),
    openPersonDom: figure((r) => r.opensDom ?? []),
    openPerson: { ...figure((r) => r.opens ?? []), error: firstError('app', 'openError'), floorError: firstError('floor', 'openError') },
    saveAnswer: { ...figure((r) => r.saves ?? []), error: firstError('app', 'saveError'), floorError: firstError('floor', 'saveError') },
    memory: { ...figure((r) => [r.memory]), error: firstError('app', 'memoryError'), floorError: firstError('floor', 'memoryError') },
    jsHeap: figure((r) => [r.jsHeap]),
    wasmMemory: figure((r) => [r.wasmMemory]),
    backup: { ...figure((r) => [r.backup]), error: firstError('app', 'backupError'), floorError: firstError('floor', 'backupError') },
    backupHandoff: figure((r) => [r.backupHandoff]),
    restoreOpen: figure((r) => [r.restoreOpen]),
    restoreReplace: figure((r) => [r.restoreReplace]),
    restore: { ...figure((r) => [r.restore]), error: firstError('app', 'restoreError'), floorError: firstError('floor', 'restoreError') },
    // The file Linkwheel writes; the floor's JSON text and its ciphertext.
    backupBytes: figure((r) => [r.backupBytes]),
    backupJsonBytes: stats(pick('floor', (r) => [r.backupJsonBytes])),
  };
}

const FIGURES = [
  { key: 'coldStart', label: 'Cold start (navigation → caseload listed, painted, input free)', unit: 'ms', floor: 'getAll(people), sort, count + the first 50 rows as a plain list' },
  { key: 'coldStartDom', label: '  of which until the list is in the DOM (before that frame)', unit: 'ms', floor: '' },
  { key: 'searchSlowest', label: 'Search keystroke → updated list painted (slowest of each run)', unit: 'ms', floor: 'plain JS filter of everyone, count + the first 50 rows' },
  { key: 'searchAll', label: 'Search keystroke → updated list painted (every keystroke)', unit: 'ms', floor: 'plain JS filter of everyone, count + the first 50 rows' },
  { key: 'searchAllDom', label: '  of which until the DOM is updated (before that frame)', unit: 'ms', floor: '' },
  { key: 'openPerson', label: 'Open a person → page with their wheel painted', unit: 'ms', floor: '4 reads (person + 3 by_person index) + render' },
  { key: 'openPersonDom', label: '  of which until the page is in the DOM (before that frame)', unit: 'ms', floor: '' },
  { key: 'saveAnswer', label: 'Save one answer: click → "Saved" (committed)', unit: 'ms', floor: 'one put in one transaction' },
  { key: 'memory', label: 'Memory with the caseload shown (JS heap + wasm memory)', unit: 'bytes', floor: "the plain page's JS heap" },
  { key: 'jsHeap', label: '  of which JS heap (after GC)', unit: 'bytes', floor: '' },
  { key: 'wasmMemory', label: '  of which WebAssembly memory', unit: 'bytes', floor: '' },
  { key: 'backup', label: 'Back up everything: click → file written (download finished)', unit: 'ms', floor: 'getAll of every store in one transaction + JSON.stringify + PBKDF2-SHA256 600,000 iterations + AES-256-GCM encrypt' },
  { key: 'backupHandoff', label: '  of which until the page hands the file to the browser', unit: 'ms', floor: '' },
  { key: 'restoreOpen', label: 'Restore, 1: "Open the backup" → "What the backup holds" painted', unit: 'ms', floor: 'PBKDF2-SHA256 600,000 iterations + AES-256-GCM decrypt + JSON.parse + the count of each store' },
  { key: 'restoreReplace', label: 'Restore, 2: "Yes, replace everything" → "replaced" painted', unit: 'ms', floor: 'one readwrite transaction: clear every store, put every record' },
  { key: 'restore', label: 'Restore, 1 + 2 (per run)', unit: 'ms', floor: 'both' },
  { key: 'backupBytes', label: 'Backup file size', unit: 'bytes', floor: 'the ciphertext (no file, no base64)' },
];

function fmtStat(s, unit) {
  if (!s) return '–';
  const f = unit === 'bytes' ? fmtMiB : fmtMs;
  return `${f(s.median)} (min ${f(s.min)}, max ${f(s.max)}; IQR ${f(s.q1)}–${f(s.q3)}; n=${s.n})`;
}

function targets({ size, lighthouse: lh, bySize }) {
  const list = [];
  const add = (name, target, value, shown, pass, note = '') => list.push({ name, target, value, shown, pass: Boolean(pass), note });
  add('First load (gzip, all files the page needs)', '≤ 200 KiB', size?.gzip ?? null, size ? `${fmtKiB(size.gzip)} (${fmtN(size.gzip)} bytes)` : 'not measured', size && size.gzip <= 200 * KIB);
  const m = lh?.median;
  const why = lh?.error ? `not measured: ${lh.error}` : 'not measured';
  add('Lighthouse mobile Performance', '≥ 98', m?.performance ?? null, m ? String(m.performance) : why, m && m.performance >= 98);
  add('Lighthouse Accessibility', '100', m?.accessibility ?? null, m ? String(m.accessibility) : why, m && m.accessibility === 100);
  add('Lighthouse Best Practices', '100', m?.bestPractices ?? null, m ? String(m.bestPractices) : why, m && m.bestPractices === 100);
  add('Lighthouse LCP (mobile, simulated)', '< 1.5 s', m?.lcp ?? null, m ? fmtMs(m.lcp) : why, m && m.lcp < 1500);

  const at = bySize[JUDGED_N]?.summary;
  const label = `${fmtN(JUDGED_N)} people`;
  const absolute = [
    ['coldStart', `Caseload ready after navigation (${label})`, '≤ 1 s', (v) => v <= 1000, fmtMs],
    ['searchSlowest', `Search keystroke, slowest per run (${label})`, '< 50 ms', (v) => v < 50, fmtMs],
    ['openPerson', `Open a person with their wheel (${label})`, '< 100 ms', (v) => v < 100, fmtMs],
    ['saveAnswer', `Save an answer, to the commit (${label})`, '< 30 ms', (v) => v < 30, fmtMs],
    ['memory', `Memory, JS heap + wasm (${label})`, '< 100 MiB', (v) => v < 100 * MIB, fmtMiB],
  ];
  for (const [key, name, target, ok, fmt] of absolute) {
    const f = at?.[key];
    const v = f?.app?.median ?? null;
    add(name, target, v, v === null ? `not measured${f?.error ? `: ${f.error}` : at ? '' : ` (${label} not run)`}` : fmt(v), v !== null && ok(v));
  }
  for (const [key, name] of [
    ['coldStart', 'cold start'],
    ['searchSlowest', 'search keystroke'],
    ['openPerson', 'open a person'],
    ['saveAnswer', 'save an answer'],
    ['memory', 'memory'],
    ['backup', 'backup'],
    ['restore', 'restore'],
  ]) {
    const f = at?.[key];
    const r = f?.ratio ?? null;
    const shown = r === null ? `not measured${f?.error || f?.floorError ? `: ${f.error || f.floorError}` : ''}` : `${fmtRatio(r)} (${key === 'memory' ? fmtMiB(f.app.median) : fmtMs(f.app.median)} vs ${key === 'memory' ? fmtMiB(f.floor.median) : fmtMs(f.floor.median)})`;
    add(`Ratio to the plain-JS floor: ${name} (${label})`, '≤ 2×', r, shown, r !== null && r <= 2);
  }
  return list;
}

// ------------------------------------------------------------------ report

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r, k) => {
    const line = r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
    return k === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

function markdown(results) {
  const { machine: mc, browser, date, git: g, targets: tl, bySize, lighthouse: lh, size, config } = results;
  const passed = tl.filter((t) => t.pass).length;
  const L = [];
  L.push('# Linkwheel benchmarks', '');
  L.push(`Written by \`make bench\` (\`tests/bench/run.mjs\`) on ${date}. Do not edit by hand: the section "What was changed to get there" comes from \`tests/bench/CHANGES.md\`, and the raw figures are in \`tests/bench/results.json\`.`, '');
  L.push('## Where', '');
  L.push('| | |', '| --- | --- |');
  L.push(`| CPU | ${mc.cpu} |`, `| Cores | ${mc.cores} |`, `| RAM | ${(mc.ramBytes / 1024 ** 3).toFixed(1)} GiB |`, `| OS | ${mc.os} |`);
  L.push(`| Browser | ${browser} (headless, Playwright ${results.playwright}) |`, `| Node.js | ${mc.node} |`, `| Lighthouse | ${lh?.version ?? 'not installed'} |`);
  L.push(`| Code | commit ${g.commit}${g.uncommittedChanges ? ' with uncommitted changes' : ''}; ${(results.dist ?? []).filter((f) => f.endsWith('.wasm')).map((f) => `\`dist/${f}\``).join(', ')} |`);
  L.push(`| Runs | ${config.runs} per figure (each in a freshly started browser), caseload sizes ${config.sizes.map(fmtN).join(' and ')}; Lighthouse ${config.lighthouseRuns} runs |`, '');
  L.push(`## Targets: ${passed} of ${tl.length} pass`, '');
  L.push(`Judged with ${fmtN(config.judgedAt ?? JUDGED_N)} people where the target is about the caseload. Medians; a ratio is Linkwheel's median over the plain-JavaScript floor's median on the same browser and data.`, '');
  L.push('| Target | Wanted | Measured | Result |', '| --- | --- | --- | --- |');
  for (const t of tl) L.push(`| ${t.name} | ${t.target} | ${t.shown} | ${t.pass ? 'PASS' : '**FAIL**'} |`);
  L.push('');
  for (const n of config.sizes) {
    const s = bySize[n];
    if (!s) continue;
    L.push(`## ${fmtN(n)} people`, '');
    const c = s.seed.counts;
    L.push(`Seeded through the app's storage layer (\`src/bench.rs\`, \`storage::batch::Batch\`, ${c.transactions} transactions) in ${fmtMs(c.ms)}: ${fmtN(c.people)} people, ${fmtN(c.assessments)} finished holistic assessments (12 answers each), ${fmtN(c.plans)} plans with 3 goals and ${fmtN(c.contacts)} contacts. Stored: ${Object.entries(s.seed.stored).map(([k, v]) => `${k} ${fmtN(v)}`).join(', ')}.`, '');
    L.push('| Figure | Linkwheel: median (spread) | Plain-JS floor: median (spread) | Floor does | Ratio |', '| --- | --- | --- | --- | --- |');
    for (const f of FIGURES) {
      const x = s.summary[f.key];
      const app = x.app ? fmtStat(x.app, f.unit) : x.error || '–';
      L.push(`| ${f.label.trim()} | ${app} | ${fmtStat(x.floor, f.unit)} | ${f.floor} | ${fmtRatio(x.ratio)} |`);
    }
    const file = s.summary.backupBytes?.app;
    const json = s.summary.backupJsonBytes;
    if (file || json) {
      L.push(
        '',
        [
          file ? `Linkwheel's backup file is ${fmtMiB(file.median)} (${fmtN(Math.round(file.median))} bytes${file.min !== file.max ? `; ${fmtN(file.min)}–${fmtN(file.max)}` : ''}).` : '',
          json ? `The floor's backup is ${fmtMiB(json.median)} of JSON text before encryption.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    }
    const problems = s.runs.filter((r) => r.errors.length || r.externalRequests.length);
    if (problems.length) {
      L.push('', 'Errors or external requests seen during these runs:', '');
      for (const r of problems) L.push(`- ${r.kind} ${r.pass === 'backup' ? 'backup and restore ' : ''}run ${r.run + 1}: ${[...r.errors, ...r.externalRequests.map((u) => `external request ${u}`)].join('; ')}`);
    }
    L.push('');
  }
  L.push('## Lighthouse', '');
  if (lh?.runs?.length) {
    L.push(`${lh.settings}. The app served with gzip on 127.0.0.1 by \`tests/bench/server.mjs\`; Chromium started with every host but 127.0.0.1 unresolvable.`, '');
    L.push('| Run | Performance | Accessibility | Best Practices | FCP | LCP | TBT | Requests (outside 127.0.0.1) |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
    lh.runs.forEach((r, i) => {
      if (r.error || r.runtimeError) L.push(`| ${i + 1} | failed: ${r.error || r.runtimeError} | | | | | | |`);
      else L.push(`| ${i + 1} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${fmtMs(r.fcp)} | ${fmtMs(r.lcp)} | ${fmtMs(r.tbt)} | ${r.requests} (${r.externalRequests.length}) |`);
    });
    if (lh.median) L.push(`| **Median** | **${lh.median.performance}** | **${lh.median.accessibility}** | **${lh.median.bestPractices}** | **${fmtMs(lh.median.fcp)}** | **${fmtMs(lh.median.lcp)}** | **${fmtMs(lh.median.tbt)}** | |`);
    const notPassing = new Map();
    for (const a of lh.runs.flatMap((r) => r.notPassing ?? [])) {
      const id = a.split(' ')[0];
      if (!notPassing.has(id)) notPassing.set(id, a);
    }
    if (notPassing.size) L.push('', `Audits not passing in at least one run (first run's value): ${[...notPassing.values()].map((a) => `\`${a}\``).join(', ')}.`);
    const warnings = [...new Set(lh.runs.flatMap((r) => r.warnings ?? []))];
    if (warnings.length) L.push('', `Lighthouse warnings: ${warnings.join(' ')}`);
  } else {
    L.push(`Not measured: ${lh?.error ?? 'unknown reason'}.`);
  }
  L.push('');
  L.push('## First load', '');
  if (size) L.push(`${fmtKiB(size.gzip)} gzip (${fmtN(size.gzip)} bytes; ${fmtKiB(size.raw)} raw), from \`make size\`: ${size.files.map((f) => `\`${f}\``).join(', ')}.`, '');
  L.push('## How it is measured', '');
  L.push(
    '- The release build exactly as `make build` writes it (`dist/`, copied at the start of the run), served with gzip on 127.0.0.1 together with the seeder build (`target/bench-seed/`, at `/bench-seed/`) and the floor page (`tests/bench/floor.html`, at `/bench-floor/`), so all three share the `linkwheel` IndexedDB database.',
    "- The database is seeded once per caseload size in a fresh browser profile by `seed(n)` from `src/bench.rs` (cargo feature `bench`), which opens it with `Storage::open` and writes real records with `storage::batch::Batch`, 5,000 puts per transaction. The profile's database is deleted afterwards.",
    '- Each run starts a fresh headless Chromium on that profile, and Linkwheel and the floor runs alternate. Times are `performance.now()` in the page; "painted" means after the next animation frame and the task that follows it.',
    '- Cold start: from the start of navigation until the caseload lists people, the search box is there and the frame is drawn.',
    '- The floor draws the count and the first 50 rows (more than fit on the 1280×800 screen), as Linkwheel draws only the rows on screen: drawing all 10,000 rows would make the floor needlessly slow and the ratios meaningless. Its person page is a table of the latest scores (no wheel drawing).',
    `- Search: the digits of one person's number typed one key at a time and deleted again (${fmtN(TARGET_N)} people: "${searchKeys(TARGET_N).join('')}", ${searchKeys(TARGET_N).length * 2} keystrokes per run), each from the key event to the frame showing the expected count and first row.`,
    `- Open a person: from the hash change (what the link does) to the frame showing their name and wheel (\`svg.wheel\`); ${OPENS_PER_RUN} different people per run.`,
    `- Save an answer: from the click on a score on their newest assessment to the save status saying "Saved", which the app shows after the transaction commits; ${SAVES_PER_RUN} per run.`,
    "- Memory: after the caseload is shown and a forced garbage collection, CDP `Performance.getMetrics` JSHeapUsedSize plus the WebAssembly memory's `buffer.byteLength` (read from Trunk's start event). The floor has no WebAssembly.",
    `- Backup and restore: after the runs above, ${config.runs} more per caseload size, each in a freshly started browser (Linkwheel and the floor alternating), on the Settings page (\`#/settings\`; its module loads first, not timed), passphrase "${PASSPHRASE}". Back up: from the click on "Back up everything" (both passphrase boxes filled) until Playwright's download is finished, the file fully written (the click's time from the page, the end from the runner; the same machine's clock); "of which" is until the app clicks its \`<a download>\`. Restore: the file just made and its passphrase filled in, from the click on "Open the backup" to the region "What the backup holds" painted, then from the click on "Yes, replace everything" to "${REPLACED}" painted; the sum is per run. The floor does the same work in plain JavaScript with WebCrypto and keeps the ciphertext in memory instead of writing a file; its times end after the next frame too. A restore puts back the records the backup read, so later runs see the same database.`,
  );
  L.push('');
  L.push('## What was changed to get there', '');
  let changes = '';
  try {
    changes = fs.readFileSync(CHANGES_FILE, 'utf8').trim();
  } catch {
    changes = '';
  }
  // The file's own top heading is replaced by this section's.
  changes = changes.replace(/<!--[\s\S]*?-->\s*/g, '').replace(/^# .*\n+/, '').trim();
  L.push(changes || '_Nothing recorded yet in `tests/bench/CHANGES.md`._', '');
  return L.join('\n');
}

// ------------------------------------------------------------------ main

async function main() {
  if (process.argv.includes('--report')) {
    const results = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'));
    fs.writeFileSync(REPORT_FILE, markdown(results));
    log(`Wrote ${path.relative(REPO_ROOT, REPORT_FILE)} from ${path.relative(REPO_ROOT, RESULTS_FILE)} (measured on ${results.date}) and ${path.relative(REPO_ROOT, CHANGES_FILE)}`);
    return 0;
  }
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a whole number ≥ 1 (got ${process.env.BENCH_RUNS})`);
  if (!SIZES.length) throw new Error(`BENCH_N must list caseload sizes, e.g. 1000,10000 (got ${process.env.BENCH_N})`);
  const unknown = PARTS.filter((p) => !ALL_PARTS.includes(p));
  if (unknown.length || !PARTS.length) throw new Error(`BENCH_PARTS must list some of ${ALL_PARTS.join(', ')} (got ${process.env.BENCH_PARTS})`);
  log(`bench: ${RUNS} runs; caseload sizes ${SIZES.map(fmtN).join(', ')}; Lighthouse ${LH_RUNS} runs${QUICK ? ' (quick mode)' : ''}`);
  const started = Date.now();
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    browser: await browserVersion(),
    playwright: JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests', 'node_modules', 'playwright-core', 'package.json'), 'utf8')).version,
    git: git(),
    config: { runs: RUNS, sizes: SIZES, lighthouseRuns: LH_RUNS, quick: QUICK, parts: PARTS, judgedAt: JUDGED_N, viewport: VIEWPORT },
    size: null,
    bySize: {},
    lighthouse: null,
  };

  // A copy of dist/ as it is now, so a rebuild during the run cannot mix two builds.
  const distCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-bench-dist-'));
  fs.cpSync(DIST_DIR, distCopy, { recursive: true });
  results.dist = fs.readdirSync(distCopy).sort();

  log('bench: first-load size of dist/');
  try {
    results.size = firstLoadSize(distCopy);
    log(`  ${fmtKiB(results.size.gzip)} gzip`);
  } catch (err) {
    log(`  not measured: ${err.message}`);
  }

  const server = await startBenchServer({ dist: distCopy });
  log(`bench: serving dist/, the seeder and the floor on ${server.origin}`);
  try {
    for (const n of PARTS.includes('main') || PARTS.includes('backup') ? SIZES : []) {
      log(`bench: ${fmtN(n)} people: seeding through the app's storage layer`);
      const seeded = await seed(server, n);
      log(`  ${fmtMs(seeded.counts.ms)} (${seeded.counts.transactions} transactions); stored ${JSON.stringify(seeded.stored)}`);
      const runs = [];
      try {
        for (let run = 0; run < (PARTS.includes('main') ? RUNS : 0); run++) {
          for (const kind of ['app', 'floor']) {
            log(`  ${kind === 'app' ? 'Linkwheel' : 'floor    '} run ${run + 1} of ${RUNS}`);
            const r = await runOnce(server, kind, n, run, seeded);
            const keys = r.keys ? r.keys.map((k) => Math.round(k.ms)).join('/') : '–';
            log(`    cold ${fmtMs(r.coldStart)}, memory ${fmtMiB(r.memory)}, keys ${keys} ms, open ${r.opens ? r.opens.map(fmtMs).join(', ') : '–'}, save ${r.saves ? r.saves.map(fmtMs).join(', ') : '–'}`);
            for (const e of r.errors) log(`    page error: ${e}`);
            for (const u of r.externalRequests) log(`    request outside 127.0.0.1: ${u}`);
            runs.push(r);
          }
        }
        for (let run = 0; run < (PARTS.includes('backup') ? RUNS : 0); run++) {
          for (const kind of ['app', 'floor']) {
            log(`  ${kind === 'app' ? 'Linkwheel' : 'floor    '} backup and restore, run ${run + 1} of ${RUNS}`);
            const r = await backupOnce(server, kind, n, run, seeded);
            log(`    backup ${fmtMs(r.backup)}${r.backupHandoff ? ` (to the download ${fmtMs(r.backupHandoff)})` : ''}, ${fmtMiB(r.backupBytes)}; restore ${fmtMs(r.restoreOpen)} + ${fmtMs(r.restoreReplace)} = ${fmtMs(r.restore)}`);
            for (const e of r.errors) log(`    page error: ${e}`);
            for (const u of r.externalRequests) log(`    request outside 127.0.0.1: ${u}`);
            runs.push(r);
          }
        }
      } finally {
        await unseed(server, seeded.profile);
      }
      const { profile, ...seedInfo } = seeded;
      void profile;
      results.bySize[n] = { seed: { counts: seedInfo.counts, stored: seedInfo.stored }, runs, summary: summarise(runs) };
    }

    if (PARTS.includes('lighthouse')) {
      log(`bench: Lighthouse (${LH_RUNS} runs, mobile defaults)`);
      results.lighthouse = await lighthouseRuns(server);
    }
  } finally {
    await server.close();
    fs.rmSync(distCopy, { recursive: true, force: true });
  }

  results.targets = targets(results);
  results.seconds = Math.round((Date.now() - started) / 1000);

  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
  fs.writeFileSync(REPORT_FILE, markdown(results));

  // The table at the end.
  log('');
  for (const n of SIZES) {
    const s = results.bySize[n]?.summary;
    if (!s) continue;
    log(`${fmtN(n)} people (median, min–max)`);
    log(
      table([
        ['Figure', 'Linkwheel', 'Floor', 'Ratio'],
        ...FIGURES.map((f) => {
          const x = s[f.key];
          const fmt = f.unit === 'bytes' ? fmtMiB : fmtMs;
          const one = (st) => (st ? `${fmt(st.median)} (${fmt(st.min)}–${fmt(st.max)})` : '–');
          return [f.label, x.app ? one(x.app) : x.error || '–', one(x.floor), fmtRatio(x.ratio)];
        }),
      ]),
    );
    log('');
  }
  log(`Targets (judged at ${fmtN(JUDGED_N)} people)`);
  log(table([['Target', 'Wanted', 'Measured', 'Result'], ...results.targets.map((t) => [t.name, t.target, t.shown, t.pass ? 'PASS' : 'FAIL'])]));
  log('');
  log(`Wrote ${path.relative(REPO_ROOT, REPORT_FILE)} and ${path.relative(REPO_ROOT, RESULTS_FILE)} (${results.seconds} s)`);
  const failed = results.targets.filter((t) => !t.pass);
  if (failed.length) {
    console.error(`\nbench: FAIL: ${failed.length} of ${results.targets.length} targets not met:`);
    for (const t of failed) console.error(`  - ${t.name}: ${t.shown} (wanted ${t.target})`);
    return 1;
  }
  log(`\nbench: all ${results.targets.length} targets met`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`bench: broke: ${err?.stack || err}`);
    process.exitCode = 2;
  },
);

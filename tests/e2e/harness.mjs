// Shared helpers for Linkwheel's end-to-end tests (node:test + playwright-core
// driving Debian's /usr/bin/chromium). Typical use:
//
//   import { test } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { useE2E, expectNoAxeViolations, screenshot } from './harness.mjs';
//
//   const e2e = useE2E();            // serves dist/ + one Chromium per file,
//                                     // a fresh context + page per test
//   test('home page loads', async () => {
//     const { page } = e2e;
//     await e2e.goto('');             // relative to the server's base URL
//     await page.getByRole('button', { name: 'Start' }).click();
//     await expectNoAxeViolations(page, 'home');
//     e2e.errors.assertNone('home');  // console errors + uncaught page errors
//     e2e.network.assertLocalOnly();  // also checked automatically after each test
//     await screenshot(page, 'home');
//   });
//
// Only files named *.test.mjs in tests/e2e/ are run by `make test-e2e`.

import { before, after, beforeEach, afterEach } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { startServer, normaliseBase } from '../tools/serve.mjs';

export { startServer };

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DIST_DIR = path.join(REPO_ROOT, 'dist');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'tests', 'artifacts');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]);

/** axe-core tags for WCAG 2.2 level AA (which includes the A and 2.0/2.1 rules). */
export const WCAG_TAGS = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);

/** Hosts a page may talk to. Anything else is "external". */
export const LOCAL_HOSTS = Object.freeze(['127.0.0.1']);

/** Default Playwright timeout (ms) for actions and navigations in a fresh context. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The mount path the app is built for: $E2E_BASE if set, else `public_url`
 * from Trunk.toml if present, else "/".
 * @returns {string} e.g. "/" or "/linkwheel/"
 */
export function detectBase() {
  if (process.env.E2E_BASE) return normaliseBase(process.env.E2E_BASE);
  try {
    const toml = fs.readFileSync(path.join(REPO_ROOT, 'Trunk.toml'), 'utf8');
    const m = toml.match(/^\s*public_url\s*=\s*["']([^"']*)["']/m);
    if (m && m[1].startsWith('/')) return normaliseBase(m[1]);
  } catch {
    /* no Trunk.toml: default */
  }
  return '/';
}

/**
 * Serve a static folder (default: dist/) in-process on a random free port.
 * @param {{dir?: string, base?: string, spa?: boolean, port?: number}} [options]
 * @returns {Promise<{url: string, origin: string, port: number, base: string, dir: string, close: () => Promise<void>}>}
 */
export async function serveDir({ dir = DIST_DIR, base = detectBase(), spa = false, port = 0 } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`e2e: ${path.join(dir, 'index.html')} not found; run \`make build\` first`);
  }
  return startServer({ dir, base, spa, port, host: '127.0.0.1' });
}

/**
 * Launch Debian's Chromium headless with the flags this machine needs.
 * @param {{headless?: boolean, args?: string[], executablePath?: string, timeout?: number}} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser({ headless = true, args = [], executablePath = CHROMIUM_PATH, timeout = 60_000 } = {}) {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`e2e: Chromium not found at ${executablePath}; run \`make tools\``);
  }
  return chromium.launch({ executablePath, headless, args: [...CHROMIUM_ARGS, ...args], timeout });
}

/** Is this URL allowed (stays on 127.0.0.1, or is a data:/blob:/about: URL)? */
export function isLocalUrl(url, allowedHosts = LOCAL_HOSTS) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return allowedHosts.includes(u.hostname);
  return false;
}

/**
 * Record every request made in a browser context (all its pages, workers and
 * service workers) and, with block: true (the default), abort the ones that
 * would leave 127.0.0.1 before they reach the network. Blocked requests are
 * still recorded.
 *
 * @param {import('playwright-core').BrowserContext} context
 * @param {{allowedHosts?: string[], block?: boolean}} [options]
 * @returns {Promise<NetworkGuard>}
 *
 * @typedef {{url: string, method: string, resourceType: string, failure: string|null, blocked: boolean}} RecordedRequest
 * @typedef {object} NetworkGuard
 * @property {RecordedRequest[]} requests   every request, in order
 * @property {() => RecordedRequest[]} external  requests that were not local
 * @property {(label?: string) => void} assertLocalOnly  throws listing external URLs
 * @property {() => void} reset  forget everything recorded so far
 */
export async function watchNetwork(context, { allowedHosts = LOCAL_HOSTS, block = true } = {}) {
  const requests = [];
  const byRequest = new WeakMap();
  const record = (entry, req) => {
    requests.push(entry);
    if (req) byRequest.set(req, entry);
  };
  context.on('request', (req) => {
    record({ url: req.url(), method: req.method(), resourceType: req.resourceType(), failure: null, blocked: false }, req);
  });
  context.on('requestfailed', (req) => {
    const entry = byRequest.get(req);
    if (entry) entry.failure = req.failure()?.errorText ?? 'failed';
  });
  const watchSockets = (page) => {
    page.on('websocket', (ws) => record({ url: ws.url(), method: 'WEBSOCKET', resourceType: 'websocket', failure: null, blocked: false }));
  };
  context.pages().forEach(watchSockets);
  context.on('page', watchSockets);
  if (block) {
    await context.route(
      (url) => !isLocalUrl(url.href, allowedHosts),
      async (route) => {
        const entry = byRequest.get(route.request());
        if (entry) entry.blocked = true;
        await route.abort('blockedbyclient').catch(() => {});
      },
    );
  }
  const guard = {
    requests,
    external: () => requests.filter((r) => !isLocalUrl(r.url, allowedHosts)),
    assertLocalOnly(label = '') {
      const ext = guard.external();
      if (ext.length) {
        const lines = ext.map((r) => `  - ${r.method} ${r.url} (${r.resourceType}${r.blocked ? ', blocked' : ''}${r.failure ? `, ${r.failure}` : ''})`);
        throw new Error(
          `network guard${label ? ` (${label})` : ''}: ${ext.length} request(s) left ${allowedHosts.join(', ')}:\n${lines.join('\n')}`,
        );
      }
    },
    reset() {
      requests.length = 0;
    },
  };
  return guard;
}

/**
 * Collect console errors and uncaught page errors from every page of a context
 * (or from one page).
 * @param {import('playwright-core').BrowserContext|import('playwright-core').Page} target
 * @returns {ErrorCollector}
 *
 * @typedef {{kind: 'console'|'pageerror', text: string, location?: string}} CollectedError
 * @typedef {object} ErrorCollector
 * @property {CollectedError[]} errors
 * @property {(label?: string, options?: {ignore?: RegExp[]}) => void} assertNone  throws listing the errors
 * @property {() => void} reset
 */
export function collectErrors(target) {
  const errors = [];
  const onConsole = (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    errors.push({ kind: 'console', text: msg.text(), location: loc?.url ? `${loc.url}:${loc.lineNumber}:${loc.columnNumber}` : undefined });
  };
  const onPageError = (err) => {
    errors.push({ kind: 'pageerror', text: err?.stack || err?.message || String(err) });
  };
  const attach = (page) => {
    page.on('console', onConsole);
    page.on('pageerror', onPageError);
  };
  if (typeof target.pages === 'function') {
    target.pages().forEach(attach);
    target.on('page', attach);
  } else {
    attach(target);
  }
  const collector = {
    errors,
    assertNone(label = '', { ignore = [] } = {}) {
      const left = errors.filter((e) => !ignore.some((re) => re.test(e.text)));
      if (left.length) {
        const lines = left.map((e) => `  - [${e.kind}] ${e.text}${e.location ? ` (at ${e.location})` : ''}`);
        throw new Error(`page errors${label ? ` (${label})` : ''}: ${left.length}:\n${lines.join('\n')}`);
      }
    },
    reset() {
      errors.length = 0;
    },
  };
  return collector;
}

/** Readable list of axe violations: id, impact, help, and the target selectors. */
export function formatAxeViolations(violations, { maxNodes = 10 } = {}) {
  return violations
    .map((v, i) => {
      const nodes = v.nodes.slice(0, maxNodes).map((n) => `       - ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')}`);
      if (v.nodes.length > maxNodes) nodes.push(`       … and ${v.nodes.length - maxNodes} more`);
      return `  ${i + 1}. [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/**
 * Run axe-core with the WCAG 2.2 AA tags and throw a readable error if there
 * are violations. Returns the full axe results otherwise.
 * @param {import('playwright-core').Page} page  (must belong to a browser.newContext() context)
 * @param {string} [label]  shown in the failure message
 * @param {{include?: string|string[], exclude?: string|string[], disableRules?: string[], tags?: string[]}} [options]
 */
export async function expectNoAxeViolations(page, label = page.url(), { include, exclude, disableRules, tags = WCAG_TAGS } = {}) {
  let builder = new AxeBuilder({ page }).withTags([...tags]);
  for (const sel of [include ?? []].flat()) builder = builder.include(sel);
  for (const sel of [exclude ?? []].flat()) builder = builder.exclude(sel);
  if (disableRules?.length) builder = builder.disableRules(disableRules);
  const results = await builder.analyze();
  if (results.violations.length) {
    throw new Error(
      `axe: ${results.violations.length} WCAG 2.2 AA violation(s) on "${label}":\n${formatAxeViolations(results.violations)}`,
    );
  }
  return results;
}

/**
 * Save a PNG screenshot to tests/artifacts/<name>.png (gitignored).
 * @param {import('playwright-core').Page} page
 * @param {string} name  file name; characters other than [A-Za-z0-9._-] become "-"
 * @param {{fullPage?: boolean}} [options]
 * @returns {Promise<string>} absolute path of the file written
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const safe = String(name).replace(/\.png$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'screenshot';
  const file = path.join(ARTIFACTS_DIR, `${safe}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Write a throw-away static site: { 'index.html': '...', 'sub/a.css': '...' }.
 * @param {Record<string, string|Buffer>} files
 * @returns {{dir: string, cleanup: () => void}}
 */
export function writeTempSite(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-e2e-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Register node:test hooks for one test file: before() starts the server and
 * Chromium, beforeEach() opens a fresh context + page with the network guard
 * and error collector attached, afterEach() asserts no external requests
 * (unless checkNetwork: false) and closes the context, after() closes all.
 * Call it once, at the top level of a *.test.mjs file.
 *
 * @param {object} [options]
 * @param {string} [options.dir]            folder to serve (default dist/)
 * @param {string} [options.base]           mount path (default detectBase())
 * @param {boolean} [options.spa]           serve index.html for unknown extension-less paths
 * @param {object} [options.contextOptions] passed to browser.newContext() (viewport, locale, reducedMotion…)
 * @param {object} [options.launchOptions]  passed to launchBrowser()
 * @param {boolean} [options.block]         abort external requests (default true; they are recorded either way)
 * @param {boolean} [options.checkNetwork]  assertLocalOnly() after each test (default true)
 * @returns {E2E}
 *
 * @typedef {object} E2E
 * @property {string} url        server URL including base, e.g. http://127.0.0.1:41234/linkwheel/
 * @property {string} origin     e.g. http://127.0.0.1:41234
 * @property {import('playwright-core').Browser} browser
 * @property {import('playwright-core').BrowserContext} context   (current test)
 * @property {import('playwright-core').Page} page                (current test)
 * @property {NetworkGuard} network                               (current test)
 * @property {ErrorCollector} errors                              (current test)
 * @property {(rel?: string) => string} urlFor  absolute URL for a path relative to the base
 * @property {(rel?: string, options?: object) => Promise<import('playwright-core').Response|null>} goto
 * @property {(contextOptions?: object) => Promise<{context, page, network, errors}>} newSession  extra context in the same test (closed after it)
 */
export function useE2E({
  dir = DIST_DIR,
  base,
  spa = false,
  contextOptions = {},
  launchOptions = {},
  block = true,
  checkNetwork = true,
} = {}) {
  let server = null;
  let browser = null;
  let current = null;
  let extra = [];

  const openSession = async (opts = {}) => {
    const context = await browser.newContext({ ...contextOptions, ...opts });
    context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(DEFAULT_TIMEOUT_MS * 2);
    const network = await watchNetwork(context, { block });
    const errors = collectErrors(context);
    const page = await context.newPage();
    return { context, page, network, errors };
  };

  const need = (what, value) => {
    if (!value) throw new Error(`e2e: ${what} is only available inside a test of a file that called useE2E()`);
    return value;
  };

  const e2e = {
    get url() { return need('url', server).url; },
    get origin() { return need('origin', server).origin; },
    get server() { return need('server', server); },
    get browser() { return need('browser', browser); },
    get context() { return need('context', current).context; },
    get page() { return need('page', current).page; },
    get network() { return need('network', current).network; },
    get errors() { return need('errors', current).errors; },
    urlFor(rel = '') {
      return new URL(String(rel).replace(/^\//, ''), need('url', server).url).href;
    },
    /** Also waits until index.html's copy of a new device's first screen
     *  (#first-run, static/boot.js) has gone, so a test starts on the app's
     *  own page. first-run.test.mjs tests the copy itself. */
    async goto(rel = '', options = {}) {
      const response = await e2e.page.goto(e2e.urlFor(rel), { waitUntil: 'load', ...options });
      await e2e.page.waitForFunction(() => !document.getElementById('first-run'));
      return response;
    },
    async newSession(opts = {}) {
      const s = await openSession(opts);
      extra.push(s);
      return s;
    },
  };

  before(async () => {
    server = await serveDir({ dir, base: base ?? detectBase(), spa });
    browser = await launchBrowser(launchOptions);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    browser = null;
    server = null;
  });

  beforeEach(async () => {
    current = await openSession();
    extra = [];
  });

  afterEach(async () => {
    const sessions = [current, ...extra].filter(Boolean);
    current = null;
    extra = [];
    try {
      if (checkNetwork) sessions.forEach((s, i) => s.network.assertLocalOnly(`checked after the test${i ? `, extra session ${i}` : ''}; call e2e.network.reset() if this was intended`));
    } finally {
      await Promise.all(sessions.map((s) => s.context.close().catch(() => {})));
    }
  });

  return e2e;
}

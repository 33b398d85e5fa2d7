// Smoke test for the e2e harness itself: runs against a tiny static site it
// writes to a temporary folder, served under a sub-path like the real app.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  useE2E,
  writeTempSite,
  expectNoAxeViolations,
  screenshot,
  startServer,
  isLocalUrl,
} from './harness.mjs';

// Smallest valid WebAssembly module: magic + version.
const EMPTY_WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

const page = (title, body, head = '') => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="style.css">${head}</head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const site = writeTempSite({
  'index.html': page(
    'Harness smoke',
    `<p id="out">Not clicked</p>
     <button type="button" id="go">Say hello</button>
     <p id="wasm">wasm: pending</p>
     <script type="module" src="app.js"></script>`,
  ),
  'style.css': 'body { font-family: sans-serif; color: #111; background: #fff; }',
  'app.js': `
    document.getElementById('go').addEventListener('click', () => {
      document.getElementById('out').textContent = 'Hello';
    });
    WebAssembly.instantiateStreaming(fetch('empty.wasm')).then(
      () => { document.getElementById('wasm').textContent = 'wasm: ok'; },
      (e) => { document.getElementById('wasm').textContent = 'wasm: ' + e; },
    );`,
  'empty.wasm': EMPTY_WASM,
  'external.html': page('External', '<img src="http://example.invalid/x.png" alt="external picture">'),
  'inaccessible.html': page('Bad', '<button type="button"></button>'),
  'broken.html': page('Broken', '<script>console.error("logged failure"); throw new Error("boom");</script>'),
});
after(() => site.cleanup());

const e2e = useE2E({ dir: site.dir, base: '/linkwheel/' });

test('loads, clicks, is axe-clean and stays on 127.0.0.1', async () => {
  const response = await e2e.goto('');
  assert.equal(response.status(), 200);
  assert.match(e2e.page.url(), /^http:\/\/127\.0\.0\.1:\d+\/linkwheel\/$/);
  await e2e.page.getByRole('button', { name: 'Say hello' }).click();
  await e2e.page.locator('#out', { hasText: 'Hello' }).waitFor();
  await e2e.page.locator('#wasm', { hasText: 'wasm: ok' }).waitFor();
  await expectNoAxeViolations(e2e.page, 'smoke index');
  e2e.errors.assertNone('smoke index');
  e2e.network.assertLocalOnly('smoke index');
  const urls = e2e.network.requests.map((r) => new URL(r.url).pathname);
  assert.ok(urls.includes('/linkwheel/app.js') && urls.includes('/linkwheel/empty.wasm'), urls.join(', '));
  const file = await screenshot(e2e.page, 'harness smoke/index');
  assert.ok(fs.statSync(file).size > 0);
});

test('the network guard records (and blocks) an external request', async () => {
  await e2e.goto('external.html');
  const external = e2e.network.external();
  assert.deepEqual(external.map((r) => r.url), ['http://example.invalid/x.png']);
  assert.equal(external[0].blocked, true);
  assert.throws(() => e2e.network.assertLocalOnly('external page'), /example\.invalid\/x\.png/);
  e2e.network.reset(); // the automatic after-test check would fail otherwise
});

test('expectNoAxeViolations reports violations with selectors', async () => {
  await e2e.goto('inaccessible.html');
  await assert.rejects(expectNoAxeViolations(e2e.page, 'bad page'), (err) => {
    assert.match(err.message, /button-name/);
    assert.match(err.message, /"bad page"/);
    assert.match(err.message, /- button/);
    return true;
  });
});

test('console errors and uncaught page errors are collected', async () => {
  await e2e.goto('broken.html');
  await e2e.page.waitForFunction(() => document.readyState === 'complete');
  assert.throws(() => e2e.errors.assertNone('broken'), (err) => /logged failure/.test(err.message) && /boom/.test(err.message));
  e2e.errors.assertNone('broken', { ignore: [/logged failure/, /boom/] });
});

test('"/" redirects to the base; unknown paths are 404', async () => {
  await e2e.page.goto(`${e2e.origin}/`);
  assert.equal(e2e.page.url(), e2e.url);
  const missing = await e2e.goto('nope.js');
  assert.equal(missing.status(), 404);
  const outside = await e2e.page.goto(`${e2e.origin}/elsewhere/index.html`);
  assert.equal(outside.status(), 404);
});

test('serve.mjs: MIME types and gzip', async () => {
  const srv = await startServer({ dir: site.dir, port: 0 });
  try {
    const wasm = await fetch(`${srv.url}empty.wasm`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-encoding'), 'gzip');
    assert.deepEqual(Buffer.from(await wasm.arrayBuffer()), EMPTY_WASM);
    const js = await fetch(`${srv.url}app.js`, { headers: { 'accept-encoding': 'identity' } });
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
    assert.equal(js.headers.get('content-encoding'), null);
    await js.arrayBuffer();
    const index = await fetch(srv.url);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.match(await index.text(), /Harness smoke/);
  } finally {
    await srv.close();
  }
});

test('isLocalUrl', () => {
  assert.equal(isLocalUrl('http://127.0.0.1:8080/a.js'), true);
  assert.equal(isLocalUrl('data:image/png;base64,AAAA'), true);
  assert.equal(isLocalUrl('blob:http://127.0.0.1:8080/1234'), true);
  assert.equal(isLocalUrl('https://fonts.googleapis.com/css'), false);
  assert.equal(isLocalUrl('http://localhost:8080/'), false);
  assert.equal(isLocalUrl('http://10.0.0.1/'), false);
});

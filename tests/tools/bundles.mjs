// After `trunk build` (which makes dist/ with the first module, the
// caseload): builds the other bundles, each a WebAssembly module of its own
// (src/bin/people.rs, directory.rs, settings.rs, kiosk.rs), the way Trunk builds the
// first: cargo (release), wasm-bindgen (`--target web`), wasm-opt -Oz with
// index.html's flags. Each lands in dist/ under a content-hashed name, is
// listed in index.html (<meta name="linkwheel-bundles">) for static/boot.js,
// which loads one when a route first needs it, and sw.js is written again so
// it precaches them too.
//
// usage: node tests/tools/bundles.mjs [DIST]   (default dist)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeServiceWorker } from './sw.mjs';

export const BUNDLES = ['people', 'directory', 'settings', 'kiosk'];

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET = 'wasm32-unknown-unknown';
const run = (cmd, args) => execFileSync(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });

/** wasm-opt's flags, as index.html gives them to Trunk for the first module. */
function wasmOptArgs() {
  const html = fs.readFileSync(path.join(REPO_ROOT, 'index.html'), 'utf8');
  const level = html.match(/data-wasm-opt="([^"]+)"/)?.[1] ?? 'z';
  const params = html.match(/data-wasm-opt-params="([^"]+)"/)?.[1] ?? '';
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

function hash(...buffers) {
  const h = crypto.createHash('sha256');
  for (const b of buffers) h.update(b);
  return h.digest('hex').slice(0, 16);
}

export async function buildBundles(dist) {
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(REPO_ROOT, 'target');
  run('cargo', ['build', '--release', '--target', TARGET, ...BUNDLES.flatMap((b) => ['--bin', b])]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkwheel-bundles-'));
  const wasmOpt = path.join(REPO_ROOT, 'tests', 'node_modules', '.bin', 'wasm-opt');
  const listed = [];
  try {
    for (const name of BUNDLES) {
      const input = path.join(targetDir, TARGET, 'release', `${name}.wasm`);
      run('wasm-bindgen', [input, '--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', name]);
      const bg = path.join(tmp, `${name}_bg.wasm`);
      const opt = path.join(tmp, `${name}_opt.wasm`);
      run(wasmOpt, [...wasmOptArgs(), bg, '-o', opt]);
      const wasm = fs.readFileSync(opt);
      const js = fs.readFileSync(path.join(tmp, `${name}.js`));
      const h = hash(wasm, js);
      const jsName = `${name}-${h}.js`;
      const wasmName = `${name}-${h}_bg.wasm`;
      // Earlier builds' copies of this bundle go.
      for (const f of fs.readdirSync(dist)) {
        if (new RegExp(`^${name}-[0-9a-f]{16}(_bg\\.wasm|\\.js)$`).test(f)) fs.rmSync(path.join(dist, f));
      }
      fs.writeFileSync(path.join(dist, jsName), js);
      fs.writeFileSync(path.join(dist, wasmName), wasm);
      listed.push(`${name} ${jsName} ${wasmName}`);
      console.log(`bundles: ${name}: ${jsName} (${js.length} bytes), ${wasmName} (${wasm.length} bytes)`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const indexFile = path.join(dist, 'index.html');
  let html = fs.readFileSync(indexFile, 'utf8').replace(/<meta name="?linkwheel-bundles"?[^>]*>/g, '');
  const meta = `<meta name="linkwheel-bundles" content="${listed.join(',')}">`;
  if (!html.includes('</head>')) throw new Error('bundles.mjs: dist/index.html has no </head>');
  html = html.replace('</head>', `${meta}</head>`);
  fs.writeFileSync(indexFile, html);
  const { count } = await writeServiceWorker(dist);
  console.log(`bundles: listed in index.html; sw.js precaches ${count} files`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildBundles(path.resolve(process.argv[2] || path.join(REPO_ROOT, 'dist')));
}

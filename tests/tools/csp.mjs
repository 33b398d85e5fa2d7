// A strict Content Security Policy for the built page (a Trunk post-build
// step, run by tests/tools/post-build.mjs). Trunk writes its WebAssembly
// loader as an inline module script; a policy without 'unsafe-inline' cannot
// allow that, so the loader moves to its own file (named by its content
// hash, with integrity), and the policy and a no-referrer policy go into the
// page's <head>.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const POLICY = [
  "default-src 'self'",
  // WebAssembly compilation needs 'wasm-unsafe-eval'; nothing else is eval'd.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// The first module's WebAssembly starts downloading at once, as before,
// except on a new device's first screen (index.html's copy of the empty
// caseload, static/boot.js): there it waits until that screen is painted, so
// the two do not share a slow connection. So Trunk's preload link becomes a
// <meta name=linkwheel-wasm> early in <head>, from which boot.js makes the
// preload (or not), and the loader first awaits boot.js's
// linkwheelFirstPaint() (a page without boot.js, like the benchmark seeder,
// starts at once).
const WASM_PRELOAD = /<link(?=[^>]*\brel="?preload\b)[^>]*\bhref="?([^"\s>]+_bg\.wasm)"?[^>]*>/;
const WAIT_FOR_PAINT = 'await window.linkwheelFirstPaint?.();\n';

export function harden(html) {
  const inline = /<script type=(?:"module"|module)>([\s\S]*?)<\/script>/;
  const m = html.match(inline);
  if (!m) throw new Error('csp.mjs: no inline module script found (has Trunk changed its loader?)');
  const code = WAIT_FOR_PAINT + m[1];
  const wasm = html.match(WASM_PRELOAD);
  if (!wasm) throw new Error('csp.mjs: no preload link for the .wasm (has Trunk changed its loader?)');
  html = html.replace(WASM_PRELOAD, '');
  const digest = crypto.createHash('sha384').update(code).digest();
  const name = `loader-${digest.toString('hex').slice(0, 16)}.js`;
  const integrity = `sha384-${digest.toString('base64')}`;
  let out = html.replace(inline, `<script type=module src=./${name} integrity=${integrity}></script>`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) throw new Error('csp.mjs: another inline script remains');
  const head = `<meta http-equiv=Content-Security-Policy content="${POLICY}"><meta name=referrer content=no-referrer><meta name=linkwheel-wasm content="${wasm[1]}">`;
  out = out.replace(/(<meta charset=(?:"utf-8"|utf-8)\s*\/?>)/i, `$1${head}`);
  if (!out.includes('Content-Security-Policy')) throw new Error('csp.mjs: no <meta charset> to put the policy after');
  return { html: out, name, code };
}

/** Harden `dir`/index.html in place and write the loader file next to it. */
export function hardenDir(dir) {
  const file = path.join(dir, 'index.html');
  const { html, name, code } = harden(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(path.join(dir, name), code);
  fs.writeFileSync(file, html);
}

#!/usr/bin/env node
// Print the size of every file in dist/ (raw and gzip -9), totals, and the
// "first load" total: index.html plus every file it references, following
// references found in referenced .html/.js/.mjs/.css files. That includes
// the service worker, sw.js (boot.js registers it, so the first visit
// downloads it), but not the files it lists: sw.js precaches every file,
// and those are reported apart, each counted once:
//   - precached only: not part of the first load (the PNG icons), fetched by
//     the service worker in the background;
//   - fetched again: first-load files without a hash in their name
//     (index.html, the manifest), which the precache fetches with a revision
//     so that no HTTP cache answers. Hashed files come from the HTTP cache
//     (served `immutable`, docs/deploying.md) and are not counted twice.
// "First visit" adds both to the first load.
//
// usage: node tests/tools/size.mjs [--dir DIR] [--budget-kb N] [--json]
//   --budget-kb N  exit 1 if the first-load gzip total exceeds N KiB (N * 1024 bytes)
//   --json         print a JSON report instead of the table
//
// Exit codes: 0 ok, 1 over budget, 2 usage error or dist/index.html missing.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');

function parseArgs(argv) {
  const opts = { dir: path.join(REPO_ROOT, 'dist'), budgetKb: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      if (i + 1 >= argv.length) throw new Error(`missing value for ${flag}`);
      return argv[++i];
    };
    switch (flag) {
      case '--dir': opts.dir = path.resolve(value()); break;
      case '--budget-kb': {
        const v = value();
        opts.budgetKb = Number(v);
        if (!Number.isFinite(opts.budgetKb) || opts.budgetKb <= 0) throw new Error(`bad --budget-kb: ${v}`);
        break;
      }
      case '--json': opts.json = true; break;
      case '-h':
      case '--help':
        console.log('usage: size.mjs [--dir DIR] [--budget-kb N] [--json]');
        process.exit(0);
        break;
      default: throw new Error(`unknown argument: ${arg}`);
    }
  }
  return opts;
}

function walk(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, r));
    else if (entry.isFile()) out.push(r);
  }
  return out;
}

const SCANNED = new Set(['.html', '.htm', '.js', '.mjs', '.css']);

/** Files (relative paths) referenced from `text`: any dist file whose path or basename appears in a URL-ish position. */
function referencesIn(text, files) {
  const refs = new Set();
  for (const f of files) {
    const name = path.posix.basename(f);
    // Match the relative path or the bare name when preceded by a URL delimiter
    // (quote, slash, '(' , '=' or whitespace) and followed by a URL terminator.
    const escaped = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?:^|["'\`(=/\\s])(?:${escaped(f)}|${escaped(name)})(?=$|["'\`)?#\\s>])`, 'm');
    if (re.test(text)) refs.add(f);
  }
  return refs;
}

/** The service worker's file: counted in the first load, its precache list reported apart. */
export const SERVICE_WORKER = 'sw.js';

/** index.html's list of bundles (tests/tools/bundles.mjs): "name js wasm,…". */
const BUNDLES_META = /<meta name="?linkwheel-bundles"? content="([^"]*)"[^>]*>/;

/** The bundles index.html lists: [{ name, files: [js, wasm] }]. */
export function bundleFiles(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const m = html.match(BUNDLES_META);
  if (!m) return [];
  return m[1].split(',').map((e) => e.trim().split(' ')).filter((p) => p.length === 3).map(([name, js, wasm]) => ({ name, files: [js, wasm] }));
}

export function firstLoadFiles(dir, files) {
  if (!files.includes('index.html')) return null;
  const seen = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const cur = queue.shift();
    if (cur === SERVICE_WORKER || !SCANNED.has(path.extname(cur).toLowerCase())) continue;
    // The bundles listed for static/boot.js load when a route first needs
    // them, not with the page: they are reported apart (bundleFiles).
    const text = fs.readFileSync(path.join(dir, cur), 'utf8').replace(BUNDLES_META, '');
    for (const ref of referencesIn(text, files)) {
      if (!seen.has(ref)) {
        seen.add(ref);
        queue.push(ref);
      }
    }
  }
  return [...seen].sort();
}

/**
 * The files sw.js precaches (Workbox's list, as tests/tools/sw.mjs writes
 * it), each with its revision (null for a hashed name), or null without sw.js.
 * @returns {{file: string, revision: string|null}[]|null}
 */
export function precacheEntries(dir, files) {
  if (!files.includes(SERVICE_WORKER)) return null;
  const code = fs.readFileSync(path.join(dir, SERVICE_WORKER), 'utf8');
  const entries = [...code.matchAll(/\{url:"([^"]+)",revision:(null|"[0-9a-f]+")\}/g)].map((m) => ({
    file: m[1],
    revision: m[2] === 'null' ? null : m[2].slice(1, -1),
  }));
  const unknown = entries.filter((e) => !files.includes(e.file));
  if (!entries.length || unknown.length) {
    throw new Error(`cannot read the precache list in ${SERVICE_WORKER}${unknown.length ? ` (not in the folder: ${unknown.map((e) => e.file).join(', ')})` : ''}`);
  }
  return entries;
}

const kib = (n) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`size: ${err.message}`);
    return 2;
  }
  if (!fs.existsSync(opts.dir) || !fs.statSync(opts.dir).isDirectory()) {
    console.error(`size: ${opts.dir} does not exist (run \`make build\` first)`);
    return 2;
  }
  const files = walk(opts.dir).sort();
  const rows = files.map((f) => {
    const raw = fs.readFileSync(path.join(opts.dir, f));
    return { file: f, raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
  });
  const byFile = new Map(rows.map((r) => [r.file, r]));
  const sum = (list) => list.reduce((acc, r) => ({ raw: acc.raw + r.raw, gzip: acc.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const total = sum(rows);
  const first = firstLoadFiles(opts.dir, files);
  const firstTotal = first ? sum(first.map((f) => byFile.get(f))) : null;
  let entries;
  try {
    entries = precacheEntries(opts.dir, files);
  } catch (err) {
    console.error(`size: ${err.message}`);
    return 2;
  }
  const firstSet = new Set(first ?? []);
  const precache = entries && first && firstSet.has(SERVICE_WORKER)
    ? (() => {
      const only = entries.filter((e) => !firstSet.has(e.file)).map((e) => e.file).sort();
      const again = entries.filter((e) => firstSet.has(e.file) && e.revision !== null).map((e) => e.file).sort();
      const part = (list) => ({ files: list, ...sum(list.map((f) => byFile.get(f))) });
      return { files: entries.map((e) => e.file).sort(), only: part(only), again: part(again) };
    })()
    : null;
  const firstVisit = precache
    ? { raw: firstTotal.raw + precache.only.raw + precache.again.raw, gzip: firstTotal.gzip + precache.only.gzip + precache.again.gzip }
    : null;
  const sw = precache ? byFile.get(SERVICE_WORKER) : null;
  const budgetBytes = opts.budgetKb != null ? opts.budgetKb * 1024 : null;
  const over = budgetBytes != null && firstTotal != null && firstTotal.gzip > budgetBytes;

  if (opts.json) {
    console.log(
      JSON.stringify(
        {
          dir: opts.dir,
          files: rows,
          total,
          firstLoad: first ? { files: first, ...firstTotal } : null,
          serviceWorker: sw,
          precache,
          firstVisit,
          bundles: bundleFiles(opts.dir).map((b) => ({ name: b.name, ...sum(b.files.map((f) => byFile.get(f))) })),
          budgetKb: opts.budgetKb,
          overBudget: over,
        },
        null,
        2,
      ),
    );
  } else {
    const w = Math.max(28, ...files.map((f) => f.length + 4));
    const line = '-'.repeat(w + 2 + 14 + 2 + 14 + 2 + 6);
    const shown = path.relative(process.cwd(), opts.dir);
    console.log(
      `Sizes of ${shown && !shown.startsWith('..') ? shown : opts.dir}/  (gzip level 9; 1 KiB = 1024 bytes; * = first load${precache ? '; + = precached only' : ''})`,
    );
    console.log(`${pad('File', w)}  ${lpad('Raw', 14)}  ${lpad('Gzip', 14)}  ${lpad('Ratio', 6)}`);
    console.log(line);
    const onlySet = new Set(precache?.only.files ?? []);
    for (const r of rows) {
      const ratio = r.raw ? `${Math.round((100 * r.gzip) / r.raw)}%` : '-';
      const mark = firstSet.has(r.file) ? '* ' : onlySet.has(r.file) ? '+ ' : '  ';
      console.log(`${pad(`${mark}${r.file}`, w)}  ${lpad(kib(r.raw), 14)}  ${lpad(kib(r.gzip), 14)}  ${lpad(ratio, 6)}`);
    }
    console.log(line);
    console.log(`${pad(`Total (${rows.length} files)`, w)}  ${lpad(kib(total.raw), 14)}  ${lpad(kib(total.gzip), 14)}`);
    if (firstTotal) {
      console.log(`${pad(`First load (${first.length} files)`, w)}  ${lpad(kib(firstTotal.raw), 14)}  ${lpad(kib(firstTotal.gzip), 14)}`);
      console.log(`First load bytes: raw ${firstTotal.raw}, gzip ${firstTotal.gzip}`);
      if (precache) {
        const row = (label, t) => console.log(`${pad(label, w)}  ${lpad(kib(t.raw), 14)}  ${lpad(kib(t.gzip), 14)}`);
        console.log(line);
        console.log(`Service worker ${SERVICE_WORKER} (Workbox inlined, in the first load): gzip ${kib(sw.gzip)} (${sw.gzip} bytes); it precaches ${precache.files.length} files`);
        row(`Precached only (${precache.only.files.length} files)`, precache.only);
        row(`Fetched again (${precache.again.files.length} files)`, precache.again);
        console.log(`  fetched again, unhashed, with a revision: ${precache.again.files.join(', ') || 'none'}; hashed files come from the HTTP cache`);
        row('First visit (each file once)', firstVisit);
      }
      const bundles = bundleFiles(opts.dir);
      if (bundles.length) {
        console.log(line);
        console.log('Bundles, each loaded when a page first needs it (the service worker also precaches them):');
        for (const b of bundles) {
          console.log(`${pad(`  ${b.name} (${b.files.join(', ')})`, w)}  ${lpad(kib(sum(b.files.map((f) => byFile.get(f))).raw), 14)}  ${lpad(kib(sum(b.files.map((f) => byFile.get(f))).gzip), 14)}`);
        }
      }
    } else {
      console.log('First load: no index.html in dist');
    }
    if (budgetBytes != null && firstTotal) {
      console.log(
        over
          ? `FAIL: first-load gzip ${kib(firstTotal.gzip)} exceeds the budget of ${opts.budgetKb} KiB`
          : `OK: first-load gzip ${kib(firstTotal.gzip)} is within the budget of ${opts.budgetKb} KiB`,
      );
    }
  }
  if (budgetBytes != null && !firstTotal) return 2;
  return over ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  process.exitCode = main();
}

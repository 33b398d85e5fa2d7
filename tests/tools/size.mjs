#!/usr/bin/env node
// Print the size of every file in dist/ (raw and gzip -9), totals, and the
// "first load" total: index.html plus every file it references, following
// references found in referenced .html/.js/.mjs/.css files.
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

export function firstLoadFiles(dir, files) {
  if (!files.includes('index.html')) return null;
  const seen = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const cur = queue.shift();
    if (!SCANNED.has(path.extname(cur).toLowerCase())) continue;
    const text = fs.readFileSync(path.join(dir, cur), 'utf8');
    for (const ref of referencesIn(text, files)) {
      if (!seen.has(ref)) {
        seen.add(ref);
        queue.push(ref);
      }
    }
  }
  return [...seen].sort();
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
  const budgetBytes = opts.budgetKb != null ? opts.budgetKb * 1024 : null;
  const over = budgetBytes != null && firstTotal != null && firstTotal.gzip > budgetBytes;

  if (opts.json) {
    console.log(JSON.stringify({ dir: opts.dir, files: rows, total, firstLoad: first ? { files: first, ...firstTotal } : null, budgetKb: opts.budgetKb, overBudget: over }, null, 2));
  } else {
    const w = Math.max(28, ...files.map((f) => f.length + 4));
    const line = '-'.repeat(w + 2 + 14 + 2 + 14 + 2 + 6);
    const shown = path.relative(process.cwd(), opts.dir);
    console.log(`Sizes of ${shown && !shown.startsWith('..') ? shown : opts.dir}/  (gzip level 9; 1 KiB = 1024 bytes; * = first load)`);
    console.log(`${pad('File', w)}  ${lpad('Raw', 14)}  ${lpad('Gzip', 14)}  ${lpad('Ratio', 6)}`);
    console.log(line);
    const firstSet = new Set(first ?? []);
    for (const r of rows) {
      const ratio = r.raw ? `${Math.round((100 * r.gzip) / r.raw)}%` : '-';
      console.log(`${pad(`${firstSet.has(r.file) ? '* ' : '  '}${r.file}`, w)}  ${lpad(kib(r.raw), 14)}  ${lpad(kib(r.gzip), 14)}  ${lpad(ratio, 6)}`);
    }
    console.log(line);
    console.log(`${pad(`Total (${rows.length} files)`, w)}  ${lpad(kib(total.raw), 14)}  ${lpad(kib(total.gzip), 14)}`);
    if (firstTotal) {
      console.log(`${pad(`First load (${first.length} files)`, w)}  ${lpad(kib(firstTotal.raw), 14)}  ${lpad(kib(firstTotal.gzip), 14)}`);
      console.log(`First load bytes: raw ${firstTotal.raw}, gzip ${firstTotal.gzip}`);
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

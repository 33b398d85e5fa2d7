// Trunk's post-build hook (Trunk.toml). Trunk starts every hook of a stage
// at the same time, so the steps that depend on each other run here, one
// after the other, on the staging folder (TRUNK_STAGING_DIR) before Trunk
// moves it to dist/:
//
//   1. csp.mjs: the inline loader moves to a hashed file; the page gets its
//      Content Security Policy.
//   2. first-run.mjs: a build that requires a passphrase before anything
//      else (LINKWHEEL_REQUIRE_PASSPHRASE=1) starts on the set-up screen, so
//      index.html's copy of the empty caseload (#first-run) is left out.
//   3. sw.mjs: sw.js precaching every file, index.html as steps 1 and 2 left it.
//      Only for the app (index.html at the repository root): the benchmark
//      seeder (tests/bench/seed.html, `make bench-seed`) is built with the
//      same Trunk.toml and gets step 1 alone.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hardenDir } from './csp.mjs';
import { leaveOutFirstRun } from './first-run.mjs';
import { writeServiceWorker } from './sw.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = process.env.TRUNK_STAGING_DIR;
const page = process.env.TRUNK_HTML_FILE;
if (!dir || !page) throw new Error('post-build.mjs: run by Trunk as a post_build hook (TRUNK_STAGING_DIR and TRUNK_HTML_FILE are not set)');

hardenDir(dir);
const isApp = path.resolve(page) === path.join(REPO_ROOT, 'index.html');
if (isApp && process.env.LINKWHEEL_REQUIRE_PASSPHRASE === '1') {
  const file = path.join(dir, 'index.html');
  fs.writeFileSync(file, leaveOutFirstRun(fs.readFileSync(file, 'utf8')));
  console.log('post-build: a passphrase is required first, so the first-run copy is left out');
}
if (isApp) {
  const { count, size } = await writeServiceWorker(dir);
  console.log(`post-build: sw.js precaches ${count} files (${size} bytes)`);
} else {
  console.log(`post-build: no service worker for ${path.relative(REPO_ROOT, path.resolve(page))}`);
}

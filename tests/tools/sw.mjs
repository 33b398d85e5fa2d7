// The service worker (sw.js) that lets Linkwheel start with no network:
// Workbox's generateSW (npm `workbox-build`, pinned in tests/package.json)
// precaches every file of the built folder and serves them from that copy.
// Run by tests/tools/post-build.mjs after csp.mjs, so the index.html it
// lists is the final one.
//
//   - The Workbox runtime is bundled into sw.js (no CDN, no second file).
//   - Files whose names carry Trunk's content hash are stored under their
//     own URL; the others (index.html, the manifest, the icons) with a
//     revision, the hash of their content, so a change is fetched again.
//   - A new sw.js never takes over on its own (no skipWaiting): it waits
//     until the page asks (SKIP_WAITING from static/boot.js, after the user
//     presses "Reload to update"), so one page never mixes old and new files.
//   - sw.js itself is never precached or renamed: the browser checks it for
//     a new version on every visit.
//
// No navigateFallback: Linkwheel is one page with hash routes, and the
// precache already answers "./", "./index.html" and either with any query.
// A fallback would also answer every other address under the folder with
// index.html, taking over other pages kept there (the benchmark's
// /bench-seed/ and /bench-floor/ are under the app's scope) and giving a
// broken page at deeper paths, whose relative URLs point elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import workboxBuild from 'workbox-build';

/** Trunk's file hash (`name-0123456789abcdef.ext`, the wasm as `…_bg.wasm`) and csp.mjs's `loader-<hash>.js`. */
export const HASHED = /-[0-9a-f]{16}(?:_bg)?\.[a-z0-9]+$/;

/** The browsers that can run Linkwheel's WebAssembly and `crypto.randomUUID`: no need to compile sw.js for older ones. */
const TARGETS = ['chrome >= 96', 'firefox >= 95', 'safari >= 15.4'];

function walk(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, r));
    else if (entry.isFile()) out.push(r);
  }
  return out;
}

/**
 * Write `dir`/sw.js precaching every other file in `dir`.
 * @returns {Promise<{count: number, size: number, files: string[]}>}
 */
export async function writeServiceWorker(dir) {
  const swDest = path.join(dir, 'sw.js');
  fs.rmSync(swDest, { force: true });
  const files = walk(dir).sort();
  const { count, size, warnings, filePaths } = await workboxBuild.generateSW({
    globDirectory: dir,
    globPatterns: ['**/*'],
    swDest,
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    babelPresetEnvTargets: TARGETS,
    cacheId: 'linkwheel',
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    dontCacheBustURLsMatching: HASHED,
    directoryIndex: 'index.html',
    // The app's own files take no parameters; "./?anything" is still index.html.
    ignoreURLParametersMatching: [/.*/],
    // The WebAssembly is well under this; a file over it would be left out silently.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  });
  if (warnings.length) throw new Error(`sw.mjs: ${warnings.join('; ')}`);
  if (count !== files.length) throw new Error(`sw.mjs: ${count} files precached, but the folder has ${files.length}: ${files.join(', ')}`);
  if (filePaths.length !== 1 || path.resolve(filePaths[0]) !== swDest) throw new Error(`sw.mjs: expected sw.js alone, wrote ${filePaths.join(', ')}`);
  const code = fs.readFileSync(swDest, 'utf8');
  // Everything it fetches is one of the app's files, by a relative URL.
  if (/importScripts\s*\(/.test(code)) throw new Error('sw.mjs: sw.js must not import other scripts');
  const urls = [...code.matchAll(/\{url:"([^"]*)",revision:(?:null|"[0-9a-f]+")\}/g)].map((m) => m[1]);
  if (urls.length !== count || urls.some((u) => /^[a-z][a-z0-9+.-]*:|^\/|\.\./i.test(u))) {
    throw new Error(`sw.mjs: unexpected precache list in sw.js: ${urls.join(', ')}`);
  }
  return { count, size, files };
}

// Makes the app icons in static/icons/ from static/icon.svg, drawn by
// Chromium (the same one the tests use). The PNGs are committed; run this
// again only when the SVG changes:
//   node tests/tools/icons.mjs
//
//   icon-192.png, icon-512.png  the SVG as it is, on a transparent background
//                               (manifest icons, purpose "any")
//   icon-maskable-512.png       on a full square of the brand blue, the SVG
//                               scaled into the middle 76% so the launcher's
//                               mask (a circle of 80% at the smallest) never
//                               cuts it (purpose "maskable")
//   apple-touch-icon.png        180x180, the maskable design: iOS puts black
//                               behind transparency and rounds the corners
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, REPO_ROOT } from '../e2e/harness.mjs';

const SVG = fs.readFileSync(path.join(REPO_ROOT, 'static', 'icon.svg'), 'utf8');
const OUT = path.join(REPO_ROOT, 'static', 'icons');
const BLUE = '#005eb8';

const ICONS = [
  { file: 'icon-192.png', size: 192, fill: null, scale: 1 },
  { file: 'icon-512.png', size: 512, fill: null, scale: 1 },
  { file: 'icon-maskable-512.png', size: 512, fill: BLUE, scale: 0.76 },
  { file: 'apple-touch-icon.png', size: 180, fill: BLUE, scale: 0.76 },
];

const page = (size, fill, scale) => `<!doctype html><html><head><style>
  html, body { margin: 0; width: ${size}px; height: ${size}px; background: ${fill ?? 'transparent'}; overflow: hidden; }
  body { display: flex; align-items: center; justify-content: center; }
  svg { width: ${Math.round(size * scale)}px; height: ${Math.round(size * scale)}px; display: block; }
</style></head><body>${SVG}</body></html>`;

fs.mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
try {
  for (const { file, size, fill, scale } of ICONS) {
    const tab = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await tab.setContent(page(size, fill, scale));
    const out = path.join(OUT, file);
    await tab.screenshot({ path: out, omitBackground: fill === null, clip: { x: 0, y: 0, width: size, height: size } });
    await tab.close();
    console.log(`wrote ${path.relative(REPO_ROOT, out)} (${size}x${size}, ${fs.statSync(out).size} bytes)`);
  }
} finally {
  await browser.close();
}

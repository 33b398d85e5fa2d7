// index.html's copy of a new device's first screen (#first-run, shown by
// static/boot.js) is the empty caseload. A build that requires a passphrase
// before anything else (LINKWHEEL_REQUIRE_PASSPHRASE=1) starts on the set-up
// screen instead, so tests/tools/post-build.mjs leaves the copy out, and
// tells boot.js so with a <meta> it can read before the body is parsed.

const COPY = /<div[^>]*\bid="?first-run"?[^>]*>[\s\S]*?<\/main>\s*<\/div>/;
const CHARSET = /(<meta charset=(?:"utf-8"|utf-8)\s*\/?>)/i;
export const OFF = '<meta name=linkwheel-first-run content=off>';

/** `html` (Trunk's index.html) without the copy, and with the marker. */
export function leaveOutFirstRun(html) {
  if (!COPY.test(html)) throw new Error('first-run.mjs: no #first-run in index.html to leave out');
  if (!CHARSET.test(html)) throw new Error('first-run.mjs: no <meta charset> to put the marker after');
  return html.replace(COPY, '').replace(CHARSET, `$1${OFF}`);
}

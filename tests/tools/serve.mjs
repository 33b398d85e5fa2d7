#!/usr/bin/env node
// Zero-dependency static file server for Linkwheel's dist/ folder.
//
// CLI:
//   node tests/tools/serve.mjs [--dir DIR] [--port 8080] [--host 127.0.0.1]
//                              [--base /linkwheel/] [--spa] [--log]
//
//   --dir   folder to serve (default: <repo>/dist)
//   --port  TCP port (default 8080; 0 picks a free port)
//   --host  address to bind (default 127.0.0.1)
//   --base  mount path, e.g. /linkwheel/ (default /). Requests outside it get
//           404, except "/" and the base without its trailing slash, which
//           redirect to the base.
//   --spa   serve index.html for unknown extension-less paths under the base
//           (off by default: unknown paths are 404)
//   --log   print one line per request
//
// Library:
//   import { startServer } from './serve.mjs';
//   const { url, origin, port, close } = await startServer({ dir, port: 0, base: '/linkwheel/' });
//   // url = 'http://127.0.0.1:PORT/linkwheel/'; await close();

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DEFAULT_DIR = path.join(REPO_ROOT, 'dist');

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
});

const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest\+json|xml|javascript)|image\/svg\+xml|image\/x-icon|font\/(ttf|otf))/;

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Normalise a mount path to the form "/", "/linkwheel/", "/a/b/". */
export function normaliseBase(base = '/') {
  let b = String(base || '/').trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b.replace(/\/{2,}/g, '/');
}

function acceptsGzip(req) {
  const header = String(req.headers['accept-encoding'] ?? '');
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding.trim().toLowerCase() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** Resolve a URL path (already stripped of the base) to a file inside root, or null. */
async function resolveFile(root, relUrlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(relUrlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = path.resolve(root, `.${path.posix.sep}${decoded}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  let stat;
  try {
    stat = await fsp.stat(candidate);
  } catch {
    return null;
  }
  if (stat.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    try {
      const s = await fsp.stat(index);
      if (s.isFile()) return { file: index, stat: s, isDirectory: true };
    } catch {
      /* fall through */
    }
    return null;
  }
  return stat.isFile() ? { file: candidate, stat } : null;
}

/**
 * Start the static server.
 * @param {object} [options]
 * @param {string} [options.dir]   folder to serve (default <repo>/dist)
 * @param {number} [options.port]  port (default 8080; 0 = random free port)
 * @param {string} [options.host]  bind address (default 127.0.0.1)
 * @param {string} [options.base]  mount path (default '/')
 * @param {boolean} [options.spa]  fall back to index.html for unknown extension-less paths
 * @param {boolean|function} [options.log] log requests (true = console.log, or a function)
 * @returns {Promise<{url: string, origin: string, port: number, host: string, base: string, dir: string, server: http.Server, close: () => Promise<void>}>}
 */
export async function startServer({
  dir = DEFAULT_DIR,
  port = 8080,
  host = '127.0.0.1',
  base = '/',
  spa = false,
  log = false,
} = {}) {
  const root = path.resolve(dir);
  const mount = normaliseBase(base);
  const logFn = typeof log === 'function' ? log : log ? (line) => console.log(line) : null;
  const stat = await fsp.stat(root).catch(() => null);
  if (!stat || !stat.isDirectory()) {
    throw new Error(`serve: directory not found: ${root} (run \`make build\` first?)`);
  }

  // gzip cache keyed by file path, invalidated by mtime/size.
  const gzCache = new Map();
  const gzipped = (file, st, raw) => {
    const hit = gzCache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.body;
    const body = zlib.gzipSync(raw, { level: 6 });
    gzCache.set(file, { mtimeMs: st.mtimeMs, size: st.size, body });
    return body;
  };

  const send = (req, res, status, headers, body) => {
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    logFn?.(`${status} ${req.method} ${req.url}`);
  };

  const notFound = (req, res) =>
    send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, 'Not found\n');

  const handler = async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed\n');
        return;
      }
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;

      if (mount !== '/' && (pathname === '/' || pathname === mount.slice(0, -1))) {
        send(req, res, 302, { Location: mount, 'Content-Type': 'text/plain; charset=utf-8' }, `Found: ${mount}\n`);
        return;
      }
      if (!pathname.startsWith(mount)) {
        notFound(req, res);
        return;
      }

      const rel = pathname.slice(mount.length);
      let found = await resolveFile(root, rel);
      if (!found && spa && !path.posix.extname(rel)) {
        found = await resolveFile(root, 'index.html');
      }
      if (!found) {
        notFound(req, res);
        return;
      }
      if (found.isDirectory && !pathname.endsWith('/')) {
        send(req, res, 301, { Location: `${pathname}/` }, '');
        return;
      }

      const type = mimeType(found.file);
      const raw = await fsp.readFile(found.file);
      const headers = {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Last-Modified': found.stat.mtime.toUTCString(),
      };
      let body = raw;
      if (COMPRESSIBLE.test(type)) {
        headers.Vary = 'Accept-Encoding';
        if (acceptsGzip(req) && raw.length > 0) {
          body = gzipped(found.file, found.stat, raw);
          headers['Content-Encoding'] = 'gzip';
        }
      }
      headers['Content-Length'] = body.length;
      send(req, res, 200, headers, body);
    } catch (err) {
      if (!res.headersSent) {
        send(req, res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Internal server error\n');
      } else {
        res.destroy();
      }
      console.error('serve: error handling', req.url, err);
    }
  };

  const server = http.createServer((req, res) => {
    handler(req, res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${urlHost}:${actualPort}`;
  let closed = null;
  return {
    url: `${origin}${mount}`,
    origin,
    port: actualPort,
    host,
    base: mount,
    dir: root,
    server,
    close() {
      closed ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      return closed;
    },
  };
}

function parseArgs(argv) {
  const opts = { dir: DEFAULT_DIR, port: 8080, host: '127.0.0.1', base: '/', spa: false, log: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`missing value for ${flag}`);
      return argv[++i];
    };
    switch (flag) {
      case '--dir': opts.dir = path.resolve(value()); break;
      case '--port': {
        const v = value();
        opts.port = Number(v);
        if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`bad --port: ${v}`);
        break;
      }
      case '--host': opts.host = value(); break;
      case '--base': opts.base = value(); break;
      case '--spa': opts.spa = true; break;
      case '--log': opts.log = true; break;
      case '-h':
      case '--help':
        console.log('usage: serve.mjs [--dir DIR] [--port 8080] [--host 127.0.0.1] [--base /] [--spa] [--log]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  return opts;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href;
if (isMain) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(2);
  }
  try {
    const srv = await startServer(opts);
    const shown = path.relative(process.cwd(), srv.dir);
    console.log(`Serving ${shown && !shown.startsWith('..') ? shown : srv.dir} at ${srv.url}  (Ctrl+C to stop)`);
    const stop = () => {
      srv.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  }
}

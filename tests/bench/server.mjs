// One origin for the benchmark: the user's build (dist/) at /, the seeder
// build (target/bench-seed/) at /bench-seed/ and the plain-JavaScript floor
// page (tests/bench/floor.html) at /bench-floor/. Same origin, so all three
// use the same IndexedDB database, `linkwheel`.
//
// Served the way tests/tools/serve.mjs serves dist/ (`make run`): gzip when
// the browser asks for it, `Cache-Control: no-cache`.
//
//   import { startBenchServer } from '../bench/server.mjs';
//   const srv = await startBenchServer();   // 127.0.0.1, a free port
//   srv.app     // http://127.0.0.1:PORT/
//   srv.seed    // http://127.0.0.1:PORT/bench-seed/
//   srv.floor   // http://127.0.0.1:PORT/bench-floor/
//   await srv.close();

import http from 'node:http';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { mimeType } from '../tools/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DIST_DIR = path.join(REPO_ROOT, 'dist');
export const SEED_DIR = path.join(REPO_ROOT, 'target', 'bench-seed');
export const FLOOR_FILE = path.join(HERE, 'floor.html');

const COMPRESSIBLE = /^(text\/|application\/(wasm|json|xml|javascript)|image\/svg\+xml)/;

function acceptsGzip(req) {
  return String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().split(';');
      if (!['gzip', '*'].includes(coding.trim().toLowerCase())) return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return !q || Number(q.slice(2)) > 0;
    });
}

/**
 * @param {{dist?: string, seed?: string, floor?: string, port?: number, gzip?: boolean, log?: (line: string) => void}} [options]
 */
export async function startBenchServer({ dist = DIST_DIR, seed = SEED_DIR, floor = FLOOR_FILE, port = 0, gzip = true, log } = {}) {
  for (const [what, file] of [['dist/index.html (run `make build`)', path.join(dist, 'index.html')], ['the seed build (run `make bench-seed`)', path.join(seed, 'index.html')], ['floor.html', floor]]) {
    await fsp.access(file).catch(() => {
      throw new Error(`bench server: ${what} not found: ${file}`);
    });
  }
  // Longest prefix first. A mount is a folder, or one file served as its index.
  const mounts = [
    { prefix: '/bench-seed/', dir: path.resolve(seed) },
    { prefix: '/bench-floor/', file: path.resolve(floor) },
    { prefix: '/', dir: path.resolve(dist) },
  ];
  const gzCache = new Map();
  const requests = [];

  const resolve = async (pathname) => {
    const mount = mounts.find((m) => pathname.startsWith(m.prefix));
    if (!mount) return null;
    const rel = decodeURIComponent(pathname.slice(mount.prefix.length));
    if (mount.file) return rel === '' || rel === 'index.html' ? mount.file : null;
    if (rel.includes('\0')) return null;
    let file = path.resolve(mount.dir, `./${rel}`);
    if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) return null;
    const st = await fsp.stat(file).catch(() => null);
    if (st?.isDirectory()) file = path.join(file, 'index.html');
    const ok = await fsp.stat(file).then((s) => s.isFile()).catch(() => false);
    return ok ? file : null;
  };

  const server = http.createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push(pathname);
    try {
      if (pathname === '/bench-seed' || pathname === '/bench-floor') {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
      const file = req.method === 'GET' || req.method === 'HEAD' ? await resolve(pathname) : null;
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Not found\n');
        log?.(`404 ${pathname}`);
        return;
      }
      const type = mimeType(file);
      const raw = await fsp.readFile(file);
      const stat = await fsp.stat(file);
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Last-Modified': stat.mtime.toUTCString() };
      let body = raw;
      if (COMPRESSIBLE.test(type)) {
        headers.Vary = 'Accept-Encoding';
        if (gzip && raw.length && acceptsGzip(req)) {
          const hit = gzCache.get(file);
          if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) body = hit.body;
          else {
            body = zlib.gzipSync(raw, { level: 6 });
            gzCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
          }
          headers['Content-Encoding'] = 'gzip';
        }
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      log?.(`200 ${pathname}${headers['Content-Encoding'] ? ' (gzip)' : ''}`);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500).end('Internal server error\n');
      else res.destroy();
      console.error('bench server:', req.url, err);
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  let closed = null;
  return {
    origin,
    app: `${origin}/`,
    seed: `${origin}/bench-seed/`,
    floor: `${origin}/bench-floor/`,
    requests,
    close() {
      closed ??= new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      });
      return closed;
    },
  };
}

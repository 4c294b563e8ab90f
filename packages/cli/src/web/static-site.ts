/**
 * Serving the built web app locally: every file read once at start into memory with its gzip
 * and brotli forms, so a request never touches the file system (no path can reach outside the
 * build) and a phone on a slow network gets compressed, long-cached assets. Addresses that are
 * app routes (no file extension) get index.html; the app itself shows its not-found page.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chooseEncoding } from '@gongkai/functions';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);

/** Vite names what it builds into assets/ by content hash: safe to cache for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Same-origin API; inline styles only for Vue's style bindings. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export interface StaticFile {
  type: string;
  etag: string;
  cache: string;
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
}

export interface StaticSite {
  files: ReadonlyMap<string, StaticFile>;
}

export type StaticDecision =
  | { kind: 'file'; path: string }
  | { kind: 'app'; path: '/index.html' }
  | { kind: 'missing' };

/** Which file answers a path: the file itself, the app's page for a route, or nothing. */
export function decidePath(pathname: string, has: (path: string) => boolean): StaticDecision {
  if (pathname !== '/' && has(pathname)) return { kind: 'file', path: pathname };
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  // A missing asset must be a 404, or a stale page would run index.html as a script.
  if (pathname.startsWith('/assets/') || last.includes('.')) return { kind: 'missing' };
  return { kind: 'app', path: '/index.html' };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export class StaticSiteMissingError extends Error {
  constructor(dir: string) {
    super(`the web app is not built in ${dir} (no index.html)`);
    this.name = 'StaticSiteMissingError';
  }
}

/** Reads a built app from `dir` into memory. */
export async function loadStaticSite(dir: string): Promise<StaticSite> {
  const files = new Map<string, StaticFile>();
  for (const file of await listFiles(dir)) {
    const path = `/${relative(dir, file).split(sep).join('/')}`;
    const ext = extname(file).toLowerCase();
    const identity = await readFile(file);
    const compress = COMPRESSIBLE.has(ext) && identity.length > 256;
    files.set(path, {
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      cache: path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      identity,
      gzip: compress ? gzipSync(identity, { level: 9 }) : null,
      br: compress
        ? brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : null,
    });
  }
  if (!files.has('/index.html')) throw new StaticSiteMissingError(dir);
  return { files };
}

/**
 * Answers a GET or HEAD for the app; false when the path is not the app's (the caller 404s).
 */
export function serveStatic(site: StaticSite, req: IncomingMessage, res: ServerResponse): boolean {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return false;
  }
  const decision = decidePath(pathname, (p) => site.files.has(p));
  if (decision.kind === 'missing') return false;
  const file = site.files.get(decision.path) as StaticFile;
  const encoding = chooseEncoding(req.headers['accept-encoding'], {
    br: file.br !== null,
    gzip: file.gzip !== null,
  });
  const headers: Record<string, string> = {
    'content-type': file.type,
    'cache-control': file.cache,
    etag: file.etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  };
  if (file.type.startsWith('text/html')) headers['content-security-policy'] = APP_CSP;
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.identity;
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = String((body as Buffer).length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/**
 * A local stand-in for S3 (which cannot run here): answers GetObject and HeadObject for
 * path-style URLs (`GET /<bucket>/<key>`) from memory, as S3 answers them, errors included.
 * Point the SDK at it with AWS_ENDPOINT_URL_S3 and a path-style client.
 */
import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';
import { afterAll } from 'vitest';

export interface S3Request {
  method: string;
  bucket: string;
  key: string;
  /** Body bytes the client's connection took before the answer ended (or it hung up). */
  sentBytes: number;
  /** Whether the client asked for the object's checksum, to verify what it reads. */
  checksum: boolean;
}

export interface S3StandIn {
  endpoint: string;
  /** `bucket/key` → bytes. */
  objects: Map<string, Uint8Array>;
  /** `bucket/key`s that answer 500 InternalError, as S3 does on a bad day. */
  failing: Set<string>;
  requests: S3Request[];
  close(): Promise<void>;
}

export async function startS3StandIn(): Promise<S3StandIn> {
  const objects = new Map<string, Uint8Array>();
  const failing = new Set<string>();
  const requests: S3Request[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://s3').pathname;
    const [bucket = '', ...rest] = path.slice(1).split('/');
    const key = rest.map((segment) => decodeURIComponent(segment)).join('/');
    const request: S3Request = {
      method: req.method ?? '',
      bucket,
      key,
      sentBytes: 0,
      checksum: req.headers['x-amz-checksum-mode'] === 'ENABLED',
    };
    requests.push(request);
    const id = `${bucket}/${key}`;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return error(res, 405, 'MethodNotAllowed', 'The specified method is not allowed.');
    if (failing.has(id))
      return error(
        res,
        500,
        'InternalError',
        'We encountered an internal error. Please try again.',
      );
    const bytes = objects.get(id);
    if (!bytes) {
      // HEAD answers carry no body: the SDK reports them as NotFound.
      if (req.method === 'HEAD') return error(res, 404);
      return error(res, 404, 'NoSuchKey', 'The specified key does not exist.', key);
    }
    // As for objects uploaded with a checksum (the SDK's default): the client then verifies it.
    const checksum = request.checksum
      ? { 'x-amz-checksum-crc32': crc32Base64(bytes), 'x-amz-checksum-type': 'FULL_OBJECT' }
      : {};
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': bytes.length,
      ...checksum,
      etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
      'last-modified': new Date(0).toUTCString(),
      'x-amz-request-id': 'STANDIN',
    });
    if (req.method === 'HEAD') res.end();
    else void sendBody(res, bytes, request);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  afterAll(close);
  return { endpoint: `http://127.0.0.1:${port}`, objects, failing, requests, close };
}

/** In slices, each written once the last one left: a client that stops reading stops it. */
async function sendBody(res: ServerResponse, bytes: Uint8Array, request: S3Request) {
  const SLICE = 64 * 1024;
  for (let at = 0; at < bytes.length && !res.destroyed; at += SLICE) {
    const slice = bytes.subarray(at, at + SLICE);
    const written = await new Promise<boolean>((done) => res.write(slice, (e) => done(!e)));
    if (!written) return;
    request.sentBytes += slice.length;
  }
  res.end();
}

function error(
  res: ServerResponse,
  status: number,
  code?: string,
  message?: string,
  key?: string,
): void {
  const body = code
    ? `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${
        key ? `<Key>${escapeXml(key)}</Key>` : ''
      }<RequestId>STANDIN</RequestId></Error>`
    : undefined;
  res.writeHead(status, {
    'x-amz-request-id': 'STANDIN',
    ...(body ? { 'content-type': 'application/xml' } : {}),
  });
  res.end(body);
}

function crc32Base64(bytes: Uint8Array): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(bytes));
  return out.toString('base64');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

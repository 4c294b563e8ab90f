/** The node:http transport: the API (and GraphiQL) for `npm start` and the tests. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeAnswer } from './content-encoding.ts';
import { type Api, GRAPHQL_PATH, MAX_BODY_BYTES } from './yoga.ts';

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Reads a request body, giving up as soon as it passes `max` bytes. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        fail(new BodyTooLargeError(`Request body is larger than ${max} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/** A node request listener serving the API; the caller routes GRAPHQL_PATH to it. */
export function apiRequestListener(api: Api) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const method = req.method ?? 'GET';
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > MAX_BODY_BYTES) {
        // Answer without reading a byte of it; the connection closes after.
        return sendTooLarge(res);
      }
      const body = hasBody ? await readBody(req, MAX_BODY_BYTES) : undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
      const response = await api.fetch(url, { method, headers, body }, { req, res });
      res.statusCode = response.status;
      response.headers.forEach((value, name) => {
        res.setHeader(name, value);
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      const encoded = compress(bytes, req.headers['accept-encoding'], res);
      res.end(method === 'HEAD' ? undefined : encoded);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendTooLarge(res);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
      } else res.destroy();
    }
  };
}

function compress(bytes: Buffer, acceptEncoding: string | undefined, res: ServerResponse): Buffer {
  const { encoding, body } = encodeAnswer(bytes, acceptEncoding);
  res.setHeader('vary', 'accept-encoding');
  if (encoding !== 'identity') {
    res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', String(body.length));
  }
  return body;
}

function sendTooLarge(res: ServerResponse): void {
  res.statusCode = 413;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('connection', 'close');
  res.end(
    JSON.stringify({
      errors: [
        {
          message: `Request body is larger than ${MAX_BODY_BYTES} bytes.`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    }),
  );
}

/** The caller's address as node sees it (the local server is not behind a proxy). */
export function nodeClientAddress(serverContext: Record<string, unknown>): string | undefined {
  const req = serverContext.req as IncomingMessage | undefined;
  return req?.socket.remoteAddress;
}

export interface ListeningApi {
  /** The GraphQL endpoint's URL. */
  url: string;
  close(): Promise<void>;
}

/** The API alone on its own port (tests and benchmarks; `npm start` mounts it in its server). */
export async function listenApi(api: Api, port = 0, host = '127.0.0.1'): Promise<ListeningApi> {
  const listener = apiRequestListener(api);
  const server = createServer((req, res) => {
    void listener(req, res);
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}${GRAPHQL_PATH}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
